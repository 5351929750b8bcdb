/**
 * The contract every `marginalia` subcommand implements, and the I/O it is given.
 *
 * Commands never touch `process` directly: they write through {@link CliIo} and return
 * an exit code, so tests can run them in-process and the dispatcher owns the process.
 */

/** Output channels and shared options handed to a command. */
export interface CliIo {
  /** Writes raw text to standard output (commands add their own newlines). */
  stdout(text: string): void;
  /** Writes raw text to standard error (commands add their own newlines). */
  stderr(text: string): void;
  /** Folder holding `manifest.json` and the article files. */
  documentsDir: string;
}

/** One subcommand: `marginalia <name> [args]`. */
export interface CliCommand {
  /** The word typed after `marginalia`. */
  name: string;
  /** One line for the command list of `marginalia --help`. */
  summary: string;
  /** Usage line(s) printed by `marginalia <name> --help`, e.g. `marginalia text <id>`. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}
