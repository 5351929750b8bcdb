/**
 * `marginalia documents [--from PROJECT_FILE]`: one line per bundled document,
 * `id<TAB>title<TAB>hash`, in manifest order; with `--from`, then one line per document
 * added to that project file, oldest first, `id<TAB>title<TAB>hash<TAB>format`, followed by
 * `<TAB>in trash` or `<TAB>replaced by <id>` where so. A bundled document that fails to
 * load gets one line on stderr and makes the exit code 1, after the others have been
 * listed; a project file that cannot be read is one line on stderr and lists nothing.
 */
import { listDocuments, type DocumentView } from '#shared/model/document-views.ts';
import { readBundledDocuments } from '../../services/documents-fs.ts';
import type { CliCommand } from '../command.ts';
import { CommandFailure, openProjectFileWithTexts } from './project-input.ts';

function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

/** The line of one added document. */
export function addedDocumentLine(view: DocumentView): string {
  const state = view.deleted !== null ? '\tin trash' : view.next !== null ? `\treplaced by ${view.next}` : '';
  return `${view.id}\t${oneLine(view.title)}\t${view.hash}\t${view.format}${state}\n`;
}

/** Lists the bundled documents, and a project file's added documents, with their content hashes. */
export const documentsCommand: CliCommand = {
  name: 'documents',
  summary: 'list the bundled documents (and with --from, a project file’s added ones): id, title and content hash, tab separated',
  usage: 'marginalia documents [--from PROJECT_FILE]',
  async run(args, io) {
    const [option, from, ...rest] = args;
    if (option !== undefined && (option !== '--from' || from === undefined || from === '' || rest.length > 0)) {
      io.stderr(`marginalia documents: unexpected argument "${option === '--from' ? (rest[0] ?? option) : option}" (usage: ${this.usage})\n`);
      return 2;
    }
    let added: DocumentView[] = [];
    if (from !== undefined) {
      try {
        const opened = await openProjectFileWithTexts(from);
        added = listDocuments(opened.doc);
        opened.doc.destroy();
      } catch (error) {
        if (!(error instanceof CommandFailure)) throw error;
        io.stderr(`marginalia documents: ${error.message}\n`);
        return 1;
      }
    }
    const results = await readBundledDocuments(io.documentsDir);
    let failed = false;
    for (const result of results) {
      if (result.ok) {
        const { meta } = result.article;
        io.stdout(`${meta.id}\t${meta.title}\t${result.article.hash}\n`);
      } else {
        failed = true;
        io.stderr(`marginalia documents: ${result.id}: ${result.error}\n`);
      }
    }
    for (const view of added) io.stdout(addedDocumentLine(view));
    return failed ? 1 : 0;
  },
};
