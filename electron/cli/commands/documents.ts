/**
 * `marginalia documents`: one line per bundled document, `id<TAB>title<TAB>hash`, in
 * manifest order. A document that fails to load gets one line on stderr and makes the
 * exit code 1, after the others have been listed.
 */
import { readBundledDocuments } from '../../services/documents-fs.ts';
import type { CliCommand } from '../command.ts';

/** Lists the bundled documents with their content hashes. */
export const documentsCommand: CliCommand = {
  name: 'documents',
  summary: 'list the bundled documents: id, title and content hash, tab separated',
  usage: 'marginalia documents',
  async run(args, io) {
    if (args.length > 0) {
      io.stderr(`marginalia documents: unexpected argument "${args[0]}" (usage: ${this.usage})\n`);
      return 2;
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
    return failed ? 1 : 0;
  },
};
