/** Command-line grammar of the sync server. */
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../electron/server/cli-args.ts';

describe('parseCliArgs', () => {
  it('defaults to serve on 127.0.0.1:4455 with ./data', () => {
    expect(parseCliArgs([])).toEqual({
      ok: true,
      command: {
        kind: 'serve',
        dataDir: './data',
        host: '127.0.0.1',
        port: 4455,
        maxMessageBytes: undefined,
        maxDocumentBytes: undefined,
        durability: 'process-crash',
        limits: {},
        shared: null,
      },
    });
  });

  it('reads the store, Redis and instance of a deployment of several instances, and migrate', () => {
    const store = 'postgres://marginalia@db.internal/marginalia';
    expect(parseCliArgs(['--store', store, '--redis', 'redis://r.internal:6379', '--instance', 'sync-1'])).toMatchObject({
      ok: true,
      command: { kind: 'serve', shared: { store, redis: 'redis://r.internal:6379', instance: 'sync-1' } },
    });
    expect(parseCliArgs(['migrate', '--store', store])).toEqual({ ok: true, command: { kind: 'migrate', store } });
    expect(parseCliArgs(['token', 'revoke', '0123456789abcdef', '--store', store])).toMatchObject({ ok: true, command: { kind: 'token-revoke', store } });
    const bad: Array<[string[], RegExp]> = [
      [['--store', store], /--store and --redis go together/],
      [['--store', 'mysql://x', '--redis', 'redis://r'], /postgres:\/\//],
      [['--store', store, '--redis', 'http://r'], /redis:\/\//],
      [['--instance', 'sync-1'], /give --store and --redis/],
      [['--store', store, '--redis', 'redis://r', '--instance', 'a b'], /--instance must be/],
      [['migrate'], /migrate needs --store/],
    ];
    for (const [args, message] of bad) {
      const parsed = parseCliArgs(args);
      expect(parsed.ok, args.join(' ')).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(message);
    }
  });

  it('reads limit flags and allowed origins into limits', () => {
    const parsed = parseCliArgs(['--max-room-structs', '1000', '--token-rate=5', '--allow-origins', 'https://a.example, http://127.0.0.1:*', '--max-message-bytes', '4096']);
    expect(parsed).toMatchObject({
      ok: true,
      command: { limits: { maxRoomStructs: 1000, tokenMessagesPerSecond: 5, maxMessageBytes: 4096, allowedOrigins: ['https://a.example', 'http://127.0.0.1:*'] } },
    });
    expect(parseCliArgs(['--structs-per-turn', '250'])).toMatchObject({ ok: true, command: { limits: { structsPerTurn: 250 } } });
    expect(parseCliArgs(['--structs-per-turn', '0'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['--allow-origins', 'example.org'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['--max-room-structs', 'lots'])).toMatchObject({ ok: false, error: '--max-room-structs must be a whole number, got "lots"' });
    expect(parseCliArgs(['room', 'inspect', '--project', 'Slr7gOcuQv2_q1GrIRdttw'])).toMatchObject({ ok: true, command: { kind: 'room-inspect' } });
  });

  it('reads flags with spaces or equals signs', () => {
    const parsed = parseCliArgs(['serve', '--host=0.0.0.0', '--port', '0', '--data', '/srv/m', '--durability=full', '--max-message-bytes', '2048']);
    expect(parsed).toMatchObject({ ok: true, command: { host: '0.0.0.0', port: 0, dataDir: '/srv/m', durability: 'full', maxMessageBytes: 2048 } });
  });

  it('parses token commands', () => {
    expect(parseCliArgs(['token', 'revoke', '0123456789abcdef'])).toEqual({
      ok: true,
      command: { kind: 'token-revoke', dataDir: './data', tokenId: '0123456789abcdef', store: null },
    });
    expect(parseCliArgs(['token', 'create', '--project', 'Slr7gOcuQv2_q1GrIRdttw', '--label', 'ana'])).toMatchObject({
      ok: true,
      command: { kind: 'token-create', label: 'ana', serverUrl: 'ws://127.0.0.1:4455' },
    });
  });

  it('reads help wherever --help or -h stands, but "help" only as the command', () => {
    for (const args of [['help'], ['--help'], ['-h'], ['token', 'create', '--help'], ['serve', '--port', '1', '-h']]) {
      expect(parseCliArgs(args), args.join(' ')).toEqual({ ok: true, command: { kind: 'help' } });
    }
    expect(parseCliArgs(['project', 'create', '--name', 'help'])).toMatchObject({ ok: true, command: { kind: 'project-create', name: 'help' } });
  });

  it('explains bad input in one line', () => {
    const cases: Array<[string[], RegExp]> = [
      [['serve', '--port', '1.5'], /whole number/],
      [['serve', 'extra'], /unexpected argument "extra"/],
      [['serve', '--port', '1', '--port', '2'], /given twice/],
      [['serve', '--durability', 'sometimes'], /--durability/],
      [['token', 'list'], /needs --project/],
      [['token', 'revoke', '0123456789abcdef', 'again'], /unexpected argument "again"/],
      [['token'], /unknown command "token"/],
    ];
    for (const [args, message] of cases) {
      const parsed = parseCliArgs(args);
      expect(parsed.ok, args.join(' ')).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error).toMatch(message);
        expect(parsed.error).not.toContain('\n');
      }
    }
  });
});
