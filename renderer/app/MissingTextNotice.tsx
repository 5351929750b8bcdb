/**
 * What the reader route shows for an added document whose text is not here yet: where the
 * team's server can send it, the download starts on open (unless it is already under way
 * or has just failed), and the page says it is downloading, or why not, with a Retry; the
 * reader opens by itself once the text arrives.
 */
import { useEffect } from 'react';
import type { AddedDocumentEntry, AddedDocuments } from '../store/added-documents.ts';
import { libraryHref } from './routes.ts';

/** The message for `entry`'s missing text, downloading it on open where possible. */
export function MissingTextNotice({ entry, addedDocuments }: { entry: AddedDocumentEntry; addedDocuments: AddedDocuments | null }) {
  const { text, view } = entry;
  const canDownload = addedDocuments?.canDownload === true;
  const idle = text.status === 'missing' && !text.downloading && text.failure === null;
  useEffect(() => {
    if (canDownload && idle) void addedDocuments?.download(view.id);
  }, [addedDocuments, canDownload, idle, view.id]);
  const back = <a href={libraryHref()}>Back to the library</a>;
  if (text.status !== 'missing') return <p>Reading “{view.title}”. {back}.</p>;
  if (!canDownload) return <p>The text of “{view.title}” is not on this computer yet. {back}.</p>;
  if (text.downloading || text.failure === null) return <p role="status">Downloading the text of “{view.title}”… {back}.</p>;
  return (
    <p role="alert">
      {text.notUploaded === true ? `${text.failure} It downloads by itself once they are online.` : `The text could not be downloaded: ${text.failure}`}{' '}
      <button type="button" className="button" onClick={() => void addedDocuments?.download(view.id)}>Retry</button> {back}.
    </p>
  );
}
