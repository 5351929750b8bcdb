/**
 * `marginalia text <id>`: prints a bundled document's canonical plain text (the text
 * highlights' offsets count in), followed by one newline.
 */
import { readBundledDocuments } from '../../services/documents-fs.ts';
import type { CliCommand } from '../command.ts';

/** Prints the canonical text of one document. */
export const textCommand: CliCommand = {
  name: 'text',
  summary: 'print the canonical plain text of one document',
  usage: 'marginalia text <document-id>',
  async run(args, io) {
    const [id, ...rest] = args;
    if (id === undefined || rest.length > 0) {
      io.stderr(`marginalia text: expected exactly one document id (usage: ${this.usage})\n`);
      return 2;
    }
    const results = await readBundledDocuments(io.documentsDir);
    const match = results.find((result) => (result.ok ? result.article.meta.id : result.id) === id);
    if (!match) {
      const known = results.map((result) => (result.ok ? result.article.meta.id : result.id)).join(', ');
      io.stderr(`marginalia text: unknown document id "${id}" (known: ${known})\n`);
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
