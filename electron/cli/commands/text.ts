/**
 * `marginalia text <id> [--from PROJECT_FILE]`: prints a document's canonical plain text
 * (the text highlights' offsets count in), followed by one newline: a bundled document's,
 * or with `--from` also one added to that project file (its text travels in the file).
 * An unknown id says which ids exist.
 */
import { listDocuments } from '#shared/model/document-views.ts';
import { readBundledDocuments } from '../../services/documents-fs.ts';
import type { CliCommand } from '../command.ts';
import { CommandFailure, addedArticles, openProjectFileWithTexts } from './project-input.ts';

type Parsed = { readonly id: string; readonly from: string | undefined };

function parse(args: readonly string[]): Parsed | undefined {
  const ids: string[] = [];
  let from: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--from') {
      from = args[++index];
      if (from === undefined || from === '') return undefined;
    } else if (arg.startsWith('-')) return undefined;
    else ids.push(arg);
  }
  return ids.length === 1 ? { id: ids[0] as string, from } : undefined;
}

/** Prints the canonical text of one document. */
export const textCommand: CliCommand = {
  name: 'text',
  summary: 'print the canonical plain text of one document (bundled, or with --from added to a project file)',
  usage: 'marginalia text <document-id> [--from PROJECT_FILE]',
  async run(args, io) {
    const parsed = parse(args);
    if (parsed === undefined) {
      io.stderr(`marginalia text: expected exactly one document id (usage: ${this.usage})\n`);
      return 2;
    }
    const { id, from } = parsed;
    const known: string[] = [];
    if (from !== undefined) {
      try {
        const opened = await openProjectFileWithTexts(from);
        const ids = listDocuments(opened.doc).map((view) => view.id);
        opened.doc.destroy();
        const article = addedArticles(opened.texts).find((candidate) => candidate.meta.id === id);
        if (article) {
          io.stdout(`${article.text}\n`);
          return 0;
        }
        known.push(...ids);
      } catch (error) {
        if (!(error instanceof CommandFailure)) throw error;
        io.stderr(`marginalia text: ${error.message}\n`);
        return 1;
      }
    }
    const results = await readBundledDocuments(io.documentsDir);
    const match = results.find((result) => (result.ok ? result.article.meta.id : result.id) === id);
    if (!match) {
      known.unshift(...results.map((result) => (result.ok ? result.article.meta.id : result.id)));
      io.stderr(`marginalia text: unknown document id "${id}" (known: ${known.join(', ')})\n`);
      return 1;
    }
    if (!match.ok) {
      io.stderr(`marginalia text: ${match.error}\n`);
      return 1;
    }
    io.stdout(`${match.article.text}\n`);
    return 0;
  },
};
