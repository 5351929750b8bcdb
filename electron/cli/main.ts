/**
 * The `marginalia` command line dispatcher: global options, `--help`, and routing to the
 * subcommands listed in `registry.ts`.
 *
 * `runCli` is pure with respect to the process (it writes through {@link CliIo} and
 * returns an exit code) so tests can call it in-process; `main` binds it to the real
 * process and is what `bin/marginalia.js` calls.
 */
import { defaultDocumentsDir } from '../services/documents-fs.ts';
import type { CliIo } from './command.ts';
import { cliCommands } from './registry.ts';

const globalUsage = 'usage: marginalia [--documents <dir>] <command> [args]   (marginalia --help lists the commands)';

/** The `--help` text: usage, global options and one line per command. */
export function helpText(): string {
  const width = Math.max(...cliCommands.map((command) => command.name.length));
  const lines = [
    'marginalia — command line of the Marginalia annotation app',
    '',
    'usage: marginalia [--documents <dir>] <command> [args]',
    '       marginalia <command> --help',
    '',
    'options:',
    '  --documents <dir>  folder with manifest.json and the articles (default: the bundled documents/)',
    '',
    'commands:',
    ...cliCommands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Runs one command line (`argv` without node and script), writing through `io`'s
 * channels; `io.documentsDir` is the default overridden by `--documents <dir>`.
 * Resolves to the exit code: 0 success, 1 failure, 2 usage error.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = [...argv];
  let documentsDir = io.documentsDir;
  while (args[0]?.startsWith('-')) {
    const option = args.shift() as string;
    if (option === '--help' || option === '-h') {
      io.stdout(helpText());
      return 0;
    }
    if (option === '--documents') {
      const dir = args.shift();
      if (dir === undefined) {
        io.stderr('marginalia: --documents needs a folder\n');
        return 2;
      }
      documentsDir = dir;
      continue;
    }
    io.stderr(`marginalia: unknown option "${option}"; ${globalUsage}\n`);
    return 2;
  }
  const name = args.shift();
  if (name === undefined) {
    io.stderr(`marginalia: no command given; ${globalUsage}\n`);
    return 2;
  }
  const command = cliCommands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`marginalia: unknown command "${name}" (commands: ${cliCommands.map((c) => c.name).join(', ')})\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`usage: ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(args, { ...io, documentsDir });
  } catch (error) {
    // One line, never a stack trace: the first line of the message says what went wrong.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`marginalia ${name}: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

/** Runs `process.argv` against the real process streams; resolves to the exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  return runCli(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    documentsDir: defaultDocumentsDir(),
  });
}
