/**
 * The card of a document added to the project: title (supplied titles marked), author and
 * date when known, the format it came from, who added it, the counts and reading progress
 * of a bundled card. A card whose text is here is one link, as a bundled card is; its "⋯"
 * menu sits beside the link. A card whose text is not on this computer yet says so: where
 * the team's server can send it, that it is downloading, that the teammate who added it
 * has not uploaded it yet, or why the download failed, with a Retry.
 */
import { useId } from 'react';
import type { AddedDocumentEntry } from '../store/added-documents.ts';
import type { ArticleCounts } from '../store/project-summary.ts';
import type { ReadingPositionStore } from '../services/reading-positions.ts';
import { ProgressBar, formatPercent } from '../ui/ProgressBar.tsx';
import { SuppliedTitleMark } from '../ui/SuppliedTitleMark.tsx';
import { readerHref } from '../app/routes.ts';
import { CountsLine } from './CountsLine.tsx';
import { DocumentMenu, type DocumentMenuItem } from './DocumentMenu.tsx';

const FORMAT_NAMES: Record<string, string> = { md: 'Markdown', txt: 'Plain text', html: 'Web page', docx: 'Word', pdf: 'PDF', qdpx: 'REFI-QDA' };

/** Props of {@link AddedDocumentCard}. */
export interface AddedDocumentCardProps {
  readonly entry: AddedDocumentEntry;
  readonly addedBy: string;
  readonly counts: ArticleCounts | null;
  readonly positions: ReadingPositionStore;
  /** The menu's entries (none before annotating can start). */
  readonly menu: readonly DocumentMenuItem[];
  /** Downloads the text, or null where no server can send it. */
  readonly download: (() => void) | null;
}

function Facts({ entry, addedBy }: { entry: AddedDocumentEntry; addedBy: string }) {
  const { view } = entry;
  return (
    <dl className="library-card__facts">
      <div><dt>Author</dt><dd className="library-card__author">{view.author ?? 'Unknown author'}</dd></div>
      {view.date !== null && <div><dt>Date</dt><dd className="library-card__date">{view.date}</dd></div>}
      <div><dt>Format</dt><dd className="library-card__format">{FORMAT_NAMES[view.format] ?? view.format}</dd></div>
      <div><dt>Added by</dt><dd className="library-card__added-by">{addedBy}</dd></div>
    </dl>
  );
}

function Title({ entry }: { entry: AddedDocumentEntry }) {
  return (
    <h2 className="library-card__title">
      <span>{entry.view.title}</span>
      {entry.view.titleSupplied && <> <SuppliedTitleMark /></>}
    </h2>
  );
}

function TextState({ entry, download }: { entry: AddedDocumentEntry; download: (() => void) | null }) {
  const { text } = entry;
  if (text.status === 'loading') return <p className="library-card__text-state">Reading the text…</p>;
  if (text.status === 'error') return <p className="library-card__text-state library-card__text-state--error" role="alert">The text here cannot be read: {text.message}</p>;
  if (text.status !== 'missing') return null;
  if (download === null) {
    return (
      <p className="library-card__text-state" data-testid="text-missing">
        Text not downloaded yet. It arrives when a teammate who has it shares the project with the server, or when you add the same file here.
      </p>
    );
  }
  if (text.downloading) return <p className="library-card__text-state" data-testid="text-missing" role="status">Downloading the text…</p>;
  if (text.failure === null) {
    return (
      <p className="library-card__text-state" data-testid="text-missing">
        Text not downloaded yet. <button type="button" className="button" onClick={download}>Download text</button>
      </p>
    );
  }
  return (
    <p className={`library-card__text-state${text.notUploaded === true ? '' : ' library-card__text-state--error'}`} data-testid="text-missing" role="alert">
      {text.notUploaded === true ? `${text.failure} It downloads by itself once they are online.` : `The text could not be downloaded: ${text.failure}`}{' '}
      <button type="button" className="button" onClick={download}>Retry</button>
    </p>
  );
}

/** One added document's card. */
export function AddedDocumentCard({ entry, addedBy, counts, positions, menu, download }: AddedDocumentCardProps) {
  const { view, text } = entry;
  const progress = positions.get(view.id)?.progress ?? 0;
  const id = useId();
  return (
    <li className="library-card library-card--added" data-document-id={view.id} data-testid="added-document">
      {text.status === 'ready'
        ? (
          <a href={readerHref(view.id)} className="library-card__link">
            <Title entry={entry} />
            <Facts entry={entry} addedBy={addedBy} />
            {counts !== null && <CountsLine counts={counts} />}
            <ProgressBar value={progress} label={`Reading progress of ${view.title}`} />
            <span className="visually-hidden" id={`${id}-progress`}>{formatPercent(progress)} read</span>
          </a>
        )
        : (
          <div className="library-card__body">
            <Title entry={entry} />
            <Facts entry={entry} addedBy={addedBy} />
            <TextState entry={entry} download={download} />
          </div>
        )}
      {menu.length > 0 && <DocumentMenu title={view.title} items={menu} />}
    </li>
  );
}
