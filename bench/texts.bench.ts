/**
 * Added documents' texts on the sync server (docs/architecture.md §6, "Document texts"):
 *
 * - checking a 2-million-character article (parse + content hash, `checkAddedText`) on one
 *   thread — the cost that made the server check uploads in a worker thread (over ~50 ms
 *   it would stall every room's deliveries);
 * - how long the server takes to answer `GET /health` while it receives, checks and stores
 *   such a text (`PUT /documents/…`; the server a child process over SQLite, the body
 *   encoded before the clock starts, /health asked every few ms): the longest answer, budget
 *   ≤ 50 ms — the stall the worker thread exists to avoid — with the longest answer of an
 *   idle server over the same time as the baseline.
 *
 * Quick mode (MARGINALIA_BENCH_QUICK=1): 3 samples each instead of 7.
 */
import { checkAddedText } from '#shared/documents/added-text.ts';
import { HEALTH_PATH } from '#shared/sync/protocol.ts';
import { documentTextUrl, httpBaseOf } from '#shared/sync/document-urls.ts';
import { largeAddedText } from '../tests/helpers/added-texts.ts';
import { createProjectWithCli, startChildServer, temporaryDataDir } from '../tests/helpers/sync-server.ts';
import { sampleMs, timeMs, type BenchSuite, type Metric } from './harness.ts';

const CHARACTERS = 2_000_000;

export const suite: BenchSuite = {
  name: 'texts',
  async run(): Promise<Metric[]> {
    const runs = process.env.MARGINALIA_BENCH_QUICK === '1' ? 3 : 7;
    const texts = Array.from({ length: runs + 1 }, (_, index) => largeAddedText(`Long report ${index}`, CHARACTERS));
    const first = texts[0]!;
    const check = await sampleMs(runs, () => checkAddedText(first.source, first.id));

    const data = temporaryDataDir('marginalia-texts-');
    const server = await startChildServer({ dataDir: data.dir });
    const stalls: number[] = [];
    const idle: number[] = [];
    try {
      const invite = await createProjectWithCli(data.dir, server.url, 'bench');
      const base = httpBaseOf(server.url);
      const upload = async (text: (typeof texts)[number]): Promise<number> => {
        const body = Buffer.from(text.source, 'utf8');
        const response = await fetch(documentTextUrl(base, invite.projectId, text.id), { method: 'PUT', body, headers: { authorization: `Bearer ${invite.token}` } });
        await response.text();
        return response.status;
      };
      /** The longest /health answer while `work` runs. */
      const longestHealthAnswer = async (work: Promise<unknown>): Promise<number> => {
        let done = false;
        void work.finally(() => (done = true));
        let longest = 0;
        while (!done) {
          longest = Math.max(longest, await timeMs(async () => (await fetch(`${base}${HEALTH_PATH}`)).text()));
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return longest;
      };
      await upload(first); // starts the checker thread
      for (const text of texts.slice(1)) {
        let status = 0;
        const started = performance.now();
        stalls.push(await longestHealthAnswer(upload(text).then((answered) => (status = answered))));
        if (status !== 201) throw new Error(`upload answered ${status}`);
        const took = performance.now() - started;
        idle.push(await longestHealthAnswer(new Promise((resolve) => setTimeout(resolve, took))));
      }
    } finally {
      await server.kill();
      data.remove();
    }
    return [
      {
        name: `check of a ${CHARACTERS / 1e6}M-character text (one thread)`,
        unit: 'ms',
        samples: check,
        note: 'over ~50 ms, which is why the server checks uploads in a worker thread',
      },
      { name: 'longest /health answer, idle server', unit: 'ms', samples: idle },
      {
        name: `longest /health answer during a ${CHARACTERS / 1e6}M-character PUT`,
        unit: 'ms',
        samples: stalls,
        baseline: 'longest /health answer, idle server',
        budget: { statistic: 'max', max: 50, text: '≤ 50 ms' },
      },
    ];
  },
};
