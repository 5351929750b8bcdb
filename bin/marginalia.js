#!/usr/bin/env node
// Entry point of the `marginalia` command line. Plain JavaScript so that any Node can
// read it and explain the version problem; the commands themselves are TypeScript that
// Node >= 22.18 runs directly (type stripping), loaded only after the version check.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`marginalia needs Node 22.18 or newer (this is ${process.versions.node}); run it from the project folder as \`npx marginalia ...\`, which uses the project's pinned Node.\n`);
  process.exit(1);
}
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
