/**
 * `npm run server -- [command]`: run the team sync server or manage projects and tokens.
 *
 * Token and project commands open the same SQLite file as the server (WAL allows both at
 * once), or with `--store` the PostgreSQL database a deployment's instances share; a
 * running server reads tokens on every authentication and closes sockets of revoked
 * tokens within about a second. Output is for people (one fact per line); bad
 * arguments print one line on stderr and exit with status 2; `serve` logs JSON lines.
 * Modules that load `node:sqlite` are imported dynamically, after Node's
 * "SQLite is experimental" warning has been filtered out of stderr. While serving, what
 * libraries print through `console` (Hocuspocus warns and reports errors that way) goes
 * to stderr as JSON log lines (`library-warning`), like the rest of the server log.
 */
import type { CliCommand } from './cli-args.ts';
import { parseCliArgs, USAGE } from './cli-args.ts';
import type { AccessStore } from './server-store.ts';

function quietSqliteWarning(): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'ExperimentalWarning' && /SQLite/i.test(warning.message)) return;
    process.stderr.write(`${warning.name}: ${warning.message}\n`);
  });
}

/** Sends what libraries print through `console` to stderr as one JSON log line each. */
async function consoleToJsonLines(): Promise<void> {
  const { logEntry } = await import('./server-log.ts');
  const { format } = await import('node:util');
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    console[level] = (...args: unknown[]) => {
      const message = format(...args.map((arg) => (arg instanceof Error ? arg.message : arg)));
      process.stderr.write(`${JSON.stringify(logEntry('library-warning', { level, message }))}\n`);
    };
  }
}

async function startServer(command: Extract<CliCommand, { kind: 'serve' }>): Promise<{ stop(): Promise<void> }> {
  if (command.shared) {
    const { hostname } = await import('node:os');
    const { startSharedSyncServer } = await import('./shared-sync-server.ts');
    const { store, redis, instance } = command.shared;
    return await startSharedSyncServer({ store, redis, instance: instance ?? `${hostname()}-${command.port}`, host: command.host, port: command.port, limits: command.limits });
  }
  const { startSyncServer } = await import('./sync-server.ts');
  return await startSyncServer({ host: command.host, port: command.port, dataDir: command.dataDir, durability: command.durability, limits: command.limits });
}

async function serve(command: Extract<CliCommand, { kind: 'serve' }>): Promise<void> {
  const { logEntry, logToStdout } = await import('./server-log.ts');
  await consoleToJsonLines();
  const server = await startServer(command).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new Error(`port ${command.port} on ${command.host} is already in use (choose another with --port)`);
    if (error.code === 'EADDRNOTAVAIL') throw new Error(`cannot listen on ${command.host}: no such address on this machine (check --host)`);
    if (error.code === 'EACCES') throw new Error(`not allowed to listen on port ${command.port} (choose one above 1023 with --port)`);
    throw error;
  });
  const onSignal = (signal: NodeJS.Signals) => {
    logToStdout(logEntry('shutdown', { signal }));
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

async function inspectRoom(command: Extract<CliCommand, { kind: 'room-inspect' }>): Promise<void> {
  const { openServerDatabase } = await import('./server-database.ts');
  const { createDocumentStore } = await import('./document-store.ts');
  const { roomForProject } = await import('#shared/sync/rooms.ts');
  const { DEFAULT_SERVER_LIMITS } = await import('./server-limits.ts');
  const db = openServerDatabase(command.dataDir);
  try {
    const room = roomForProject(command.projectId);
    const store = createDocumentStore(db);
    const logRows = (db.prepare('SELECT COUNT(*) AS n FROM updates WHERE room = ?').get(room) as { n: number }).n;
    const lines: Array<[string, string]> = [
      ['room', room],
      ['bytes', `${store.storedBytes(room)} (limit ${DEFAULT_SERVER_LIMITS.maxDocumentBytes} by default, --max-document-bytes)`],
      ['structs', `${store.countStructs(room, Number.MAX_SAFE_INTEGER)} (limit ${DEFAULT_SERVER_LIMITS.maxRoomStructs} by default, --max-room-structs)`],
      ['log rows', String(logRows)],
    ];
    for (const [key, value] of lines) process.stdout.write(`${`${key}:`.padEnd(10)} ${value}\n`);
  } finally {
    db.close();
  }
}

async function migrateStore(store: string): Promise<void> {
  const { migrate, openPostgresPool } = await import('./postgres-database.ts');
  const pool = openPostgresPool(store);
  try {
    const { from, to } = await migrate(pool);
    process.stdout.write(from === to ? `schema already at version ${to}\n` : `schema migrated from version ${from} to ${to}\n`);
  } finally {
    await pool.end();
  }
}

/** The token store a management command works on, and how to close it. */
async function openTokens(command: { readonly dataDir: string; readonly store: string | null }): Promise<{ tokens: AccessStore; close(): Promise<void> }> {
  if (command.store) {
    const { openPostgresStore } = await import('./postgres-store.ts');
    const store = await openPostgresStore(command.store);
    return { tokens: store.tokens, close: () => store.close() };
  }
  const { openServerDatabase } = await import('./server-database.ts');
  const { createTokenStore } = await import('./token-store.ts');
  const db = openServerDatabase(command.dataDir);
  return { tokens: createTokenStore(db), close: async () => db.close() };
}

async function manage(command: Exclude<CliCommand, { kind: 'serve' | 'help' | 'room-inspect' | 'migrate' }>): Promise<void> {
  const { encodeInvite } = await import('#shared/sync/invite.ts');
  const { tokens, close } = await openTokens(command);
  try {
    const print = (lines: Array<[string, string]>) => {
      for (const [key, value] of lines) process.stdout.write(`${`${key}:`.padEnd(10)} ${value}\n`);
    };
    switch (command.kind) {
      case 'project-create': {
        const project = await tokens.createProject(command.name);
        const created = await tokens.createToken({ projectId: project.id, label: 'first invite' });
        print([
          ['project', project.id],
          ['name', project.name ?? ''],
          ['token id', created.record.id],
          ['token', created.token],
          ['invite', encodeInvite({ serverUrl: command.serverUrl, projectId: project.id, token: created.token })],
        ]);
        break;
      }
      case 'token-create': {
        const created = await tokens.createToken({ projectId: command.projectId, label: command.label });
        print([
          ['project', command.projectId],
          ['token id', created.record.id],
          ['label', created.record.label],
          ['token', created.token],
          ['invite', encodeInvite({ serverUrl: command.serverUrl, projectId: command.projectId, token: created.token })],
        ]);
        break;
      }
      case 'token-list': {
        const listed = await tokens.listTokens(command.projectId);
        if (listed.length === 0) process.stdout.write(`no tokens for project ${command.projectId}\n`);
        for (const token of listed) {
          const state = token.revokedAt ? `revoked ${token.revokedAt}` : 'active';
          process.stdout.write(`${token.id}  ${state.padEnd(32)} created ${token.createdAt}  ${token.label}\n`);
        }
        break;
      }
      case 'token-revoke': {
        const revoked = await tokens.revokeToken(command.tokenId);
        if (!revoked) {
          process.stderr.write(`no token with id ${command.tokenId}\n`);
          process.exitCode = 1;
          break;
        }
        process.stdout.write(`revoked ${revoked.id} (${revoked.label || 'no label'}) at ${revoked.revokedAt}\n`);
        break;
      }
    }
  } finally {
    await close();
  }
}

async function main(args: readonly string[]): Promise<void> {
  const parsed = parseCliArgs(args);
  if (!parsed.ok) {
    process.stderr.write(`marginalia server: ${parsed.error}\n`);
    process.exit(2);
  }
  const { command } = parsed;
  quietSqliteWarning();
  if (command.kind === 'help') process.stdout.write(`${USAGE}\n`);
  else if (command.kind === 'serve') await serve(command);
  else if (command.kind === 'room-inspect') await inspectRoom(command);
  else if (command.kind === 'migrate') await migrateStore(command.store);
  else await manage(command);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`marginalia server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
