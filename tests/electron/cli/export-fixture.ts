/**
 * What the `marginalia export` tests run against: a documents folder holding the bundled
 * articles plus the seeded project's hard-text article (listed in its manifest), the
 * seeded project saved as a project file, and an in-process runner of the command line
 * that captures its output.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../electron/cli/command.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { defaultDocumentsDir } from '../../../electron/services/documents-fs.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { buildSeededProject, HARD_ARTICLE_SOURCE, type SeededProject } from '../../helpers/seeded-project.ts';

/** A prepared work folder; remove `work` when done. */
export type ExportFixture = {
  readonly work: string;
  readonly documentsDir: string;
  readonly projectFile: string;
  readonly project: SeededProject;
  /** Runs `marginalia <argv>` in-process against `documentsDir`. */
  run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }>;
};

/** Creates the work folder, documents folder and project file. */
export async function createExportFixture(): Promise<ExportFixture> {
  const work = mkdtempSync(join(tmpdir(), 'marginalia-export-'));
  const documentsDir = join(work, 'documents');
  cpSync(defaultDocumentsDir(), documentsDir, { recursive: true });
  writeFileSync(join(documentsDir, 'hard-text-sample.md'), HARD_ARTICLE_SOURCE);
  const manifest = JSON.parse(readFileSync(join(documentsDir, 'manifest.json'), 'utf8')) as { documents: { id: string; file: string }[] };
  manifest.documents.push({ id: 'hard-text-sample', file: 'hard-text-sample.md' });
  writeFileSync(join(documentsDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const project = await buildSeededProject();
  const projectFile = join(work, 'project.marginalia');
  writeFileSync(projectFile, encodeProjectFile(project.doc));
  const run = async (argv: readonly string[]) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), documentsDir };
    const code = await runCli(argv, io);
    return { code, stdout, stderr };
  };
  return { work, documentsDir, projectFile, project, run };
}
