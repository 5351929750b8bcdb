/**
 * The list of `marginalia` subcommands. To add one, create `commands/<name>.ts`
 * exporting a {@link CliCommand} and add it here: nothing else changes.
 */
import type { CliCommand } from './command.ts';
import { addCommand } from './commands/add.ts';
import { agreementCommand } from './commands/agreement.ts';
import { documentsCommand } from './commands/documents.ts';
import { cooccurrenceCommand } from './commands/cooccurrence.ts';
import { exportCommand } from './commands/export.ts';
import { importQdpxCommand } from './commands/import-qdpx.ts';
import { mergeCommand } from './commands/merge.ts';
import { projectCommand } from './commands/project.ts';
import { sampleCommand } from './commands/sample.ts';
import { textCommand } from './commands/text.ts';

/** Every subcommand, in the order `--help` lists them. */
export const cliCommands: readonly CliCommand[] = [
  documentsCommand,
  textCommand,
  addCommand,
  exportCommand,
  sampleCommand,
  projectCommand,
  mergeCommand,
  importQdpxCommand,
  agreementCommand,
  cooccurrenceCommand,
];
