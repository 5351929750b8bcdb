/**
 * `marginalia sample [--highlights N] [--seed S] --out FILE`: writes a seeded synthetic
 * project (shared/sample/sample-project.ts) over the bundled documents as a project file the app
 * can open or merge — the reference workload of the benchmarks, reproducible by seed.
 */
import { writeFile } from 'node:fs/promises';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { readBundledDocuments } from '../../services/documents-fs.ts';
import type { CliCommand } from '../command.ts';

function positiveInteger(value: string | undefined, name: string): number {
  const number = Number(value);
  if (value === undefined || !Number.isInteger(number) || number < 0) throw new UsageError(`${name} needs a whole number`);
  return number;
}

class UsageError extends Error {}

/** Generates a sample project file. */
export const sampleCommand: CliCommand = {
  name: 'sample',
  summary: 'write a seeded synthetic project (10,000 highlights, 40 tags, 2,500 notes, 5 people) as a project file',
  usage: 'marginalia sample [--highlights N] [--seed S] --out FILE',
  async run(args, io) {
    let highlights = 10_000;
    let seed = 1;
    let out: string | undefined;
    try {
      for (let index = 0; index < args.length; index += 1) {
        const arg = args[index];
        if (arg === '--highlights') highlights = positiveInteger(args[++index], '--highlights');
        else if (arg === '--seed') seed = positiveInteger(args[++index], '--seed');
        else if (arg === '--out') out = args[++index];
        else throw new UsageError(`unexpected argument "${arg}"`);
      }
      if (out === undefined || out === '') throw new UsageError('--out FILE is required');
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(`marginalia sample: ${error.message} (usage: ${this.usage})\n`);
      return 2;
    }
    const results = await readBundledDocuments(io.documentsDir);
    const articles = results.flatMap((result) => (result.ok ? [{ id: result.article.meta.id, text: result.article.text, hash: result.article.hash }] : []));
    for (const result of results) if (!result.ok) io.stderr(`marginalia sample: skipping ${result.id}: ${result.error}\n`);
    if (articles.length === 0) {
      io.stderr('marginalia sample: no document could be loaded\n');
      return 1;
    }
    const { doc, summary } = generateSampleProject(articles, { highlights, seed, notes: Math.round(highlights / 4) });
    const bytes = encodeProjectFile(doc);
    await writeFile(out, bytes);
    io.stdout(`wrote ${out}: ${summary.highlights} highlights, ${summary.tags} tags, ${summary.notes} notes, ${summary.replies} replies, ${summary.people} people over ${articles.length} documents (${bytes.length} bytes, seed ${seed})\n`);
    return 0;
  },
};
