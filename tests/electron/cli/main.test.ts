/** The dispatcher in-process: help, usage errors, routing and `--documents`. */
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command.ts';
import { helpText, runCli } from '../../../electron/cli/main.ts';
import { cliCommands } from '../../../electron/cli/registry.ts';
import { documentsDir } from '../../helpers/bundled-documents.ts';

async function run(argv: string[], dir = documentsDir) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; }, documentsDir: dir };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe('runCli', () => {
  it('prints help listing every registered command', async () => {
    const result = await run(['--help']);
    expect(result).toEqual({ code: 0, stdout: helpText(), stderr: '' });
    for (const command of cliCommands) expect(result.stdout).toContain(`  ${command.name}`);
  });

  it('prints a command usage with <command> --help', async () => {
    expect(await run(['text', '--help'])).toEqual({ code: 0, stdout: 'usage: marginalia text <document-id> [--from PROJECT_FILE]\nprint the canonical plain text of one document (bundled, or with --from added to a project file)\n', stderr: '' });
  });

  it.each([
    [['bogus'], new RegExp(`^marginalia: unknown command "bogus" \\(commands: ${cliCommands.map((c) => c.name).join(', ')}\\)\\n$`)],
    [[], /^marginalia: no command given; usage: /],
    [['--verbose', 'documents'], /^marginalia: unknown option "--verbose"; usage: /],
    [['--documents'], /^marginalia: --documents needs a folder\n$/],
    [['text'], /^marginalia text: expected exactly one document id \(usage: marginalia text <document-id> \[--from PROJECT_FILE\]\)\n$/],
    [['documents', 'extra'], /^marginalia documents: unexpected argument "extra"/],
  ])('fails %j with exit code 2 and one line', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reads the folder given by --documents and reports a missing manifest in one line', async () => {
    const result = await run(['--documents', '/nonexistent/marginalia', 'documents']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('marginalia documents: /nonexistent/marginalia/manifest.json: cannot read the manifest (file not found)\n');
  });
});
