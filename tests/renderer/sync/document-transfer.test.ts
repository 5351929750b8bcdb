/**
 * The transfer of added documents' texts against a real sync server (Node, global fetch)
 * with in-memory local stores: uploads of local texts on start and on registry changes,
 * confirmations remembered per server and project, retries with backoff when the server
 * is down or answers 5xx, refusals reported once and not retried, texts fetched on demand
 * and checked before they are kept, and the "not uploaded yet by …" error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { addDocument, type NewDocument } from '#shared/model/documents.ts';
import { setMember } from '#shared/model/project.ts';
import { documentTextUrl, httpBaseOf } from '#shared/sync/document-urls.ts';
import { DocumentTextError, startDocumentTransfer, type DocumentTransfer, type LocalDocumentTexts, type TransferEvent } from '../../../renderer/sync/document-transfer.ts';
import { addedText, type AddedText } from '../../helpers/added-texts.ts';
import { replica, syncAll, type Replica } from '../../helpers/replicas.ts';
import { startInProcessServer, waitUntil, type InProcessSyncServer, type TestInvite } from '../../helpers/sync-server.ts';

function memoryTexts(initial: readonly AddedText[] = []): LocalDocumentTexts & { readonly map: Map<DocumentId, string> } {
  const map = new Map<DocumentId, string>(initial.map((text) => [text.id, text.source]));
  return { map, get: async (id) => map.get(id), put: async (id, source) => void map.set(id, source) };
}

function record(text: AddedText, title: string): NewDocument {
  return { id: text.id, title, titleSupplied: false, author: null, date: null, format: 'md', fileName: `${title}.md`, hash: text.hash, length: 10 };
}

function member(name: string, clientId: number): Replica {
  const at = replica(name.toLowerCase(), clientId);
  setMember(at.doc, at.actor, { name, colour: '#336699' });
  return at;
}

const backoff = { initialMs: 20, maxMs: 200 };

let server: InProcessSyncServer;
let invite: TestInvite;
const transfers: DocumentTransfer[] = [];

beforeAll(async () => {
  server = await startInProcessServer();
});

afterAll(async () => {
  for (const transfer of transfers) transfer.stop();
  await server?.dispose();
});

function transferFor(at: Replica, texts: LocalDocumentTexts, extra: { fetch?: typeof fetch; report?: (event: TransferEvent) => void; invite?: TestInvite; watchConnection?: (listener: () => void) => () => void } = {}): DocumentTransfer {
  const using = extra.invite ?? invite;
  const transfer = startDocumentTransfer({ serverUrl: server.url, token: using.token, projectId: using.projectId, doc: at.doc, texts, backoff, ...extra });
  transfers.push(transfer);
  return transfer;
}

describe('document text transfer', () => {
  beforeAll(() => {
    invite = server.createProject('transfer');
  });

  it('uploads local texts of the registry, at start and when a document is added, and another member fetches them', async () => {
    const ana = member('Ana', 1);
    const first = addedText('Corridor', ['Freight through Baku doubled.']);
    const second = addedText('Gas', ['The pipeline runs at capacity.']);
    addDocument(ana.doc, ana.actor, record(first, 'Corridor'));
    const anaTexts = memoryTexts([first, second]);
    const events: TransferEvent[] = [];
    const anas = transferFor(ana, anaTexts, { report: (event) => events.push(event) });
    await waitUntil(() => anas.confirmed(first.id), 'the first text to be confirmed');
    expect(anas.confirmed(second.id)).toBe(false);
    addDocument(ana.doc, ana.actor, record(second, 'Gas'));
    await waitUntil(() => anas.confirmed(second.id), 'the text of the document added later to be confirmed');
    expect(events.filter((event) => event.kind === 'uploaded').map((event) => event.kind === 'uploaded' && event.stored)).toEqual([true, true]);

    const ben = member('Ben', 2);
    syncAll(ana.doc, ben.doc);
    const benTexts = memoryTexts();
    const bens = transferFor(ben, benTexts);
    expect(await bens.fetchText(second.id)).toBe(second.source);
    expect(benTexts.map.get(second.id)).toBe(second.source);
  });

  it('says who has not uploaded a text yet, and keeps nothing', async () => {
    const ana = member('Ana', 3);
    const ben = member('Ben', 4);
    const unsent = addedText('Unsent', ['Only on Ana\'s computer.']);
    addDocument(ana.doc, ana.actor, record(unsent, 'Unsent'));
    syncAll(ana.doc, ben.doc);
    const benTexts = memoryTexts();
    const error = await transferFor(ben, benTexts).fetchText(unsent.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentTextError);
    expect((error as DocumentTextError).problem).toBe('not-uploaded');
    expect((error as Error).message).toBe('The text of "Unsent" is not uploaded yet by Ana.');
    expect(benTexts.map.size).toBe(0);
  });

  it('checks a fetched text against its id before keeping it', async () => {
    const ana = member('Ana', 5);
    const real = addedText('Real', ['What the id names.']);
    const forged = addedText('Forged', ['Something else entirely.']);
    addDocument(ana.doc, ana.actor, record(real, 'Real'));
    const texts = memoryTexts();
    const lying: typeof fetch = async () => new Response(forged.source, { status: 200 });
    const error = await transferFor(ana, texts, { fetch: lying }).fetchText(real.id).catch((caught: unknown) => caught);
    expect((error as DocumentTextError).problem).toBe('corrupt');
    expect((error as Error).message).toMatch(/is not "Real": the text does not parse: .*front matter id "doc-[0-9a-f]{16}"/);
    expect(texts.map.size).toBe(0);
  });

  it('retries after 5xx answers with backoff, and remembers confirmations per server and project', async () => {
    const ana = member('Ana', 6);
    const text = addedText('Flaky', ['The proxy was restarting.']);
    addDocument(ana.doc, ana.actor, record(text, 'Flaky'));
    let failures = 2;
    const puts: string[] = [];
    const flaky: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT') puts.push(String(input));
      if (init?.method === 'PUT' && failures-- > 0) return new Response('proxy restarting', { status: 502 });
      return fetch(input, init);
    };
    const events: TransferEvent[] = [];
    const first = transferFor(ana, memoryTexts([text]), { fetch: flaky, report: (event) => events.push(event) });
    await waitUntil(() => first.confirmed(text.id), 'the text to be confirmed after two 502s');
    expect(events.filter((event) => event.kind === 'retrying')).toHaveLength(2);
    expect(puts).toHaveLength(3);
    first.stop();
    // A new transfer for the same server and project knows the text is there and sends nothing.
    const again = transferFor(ana, memoryTexts([text]), { fetch: flaky });
    await again.sync();
    expect(again.confirmed(text.id)).toBe(true);
    expect(puts).toHaveLength(3);
    // The same text in another project is not confirmed there.
    const elsewhere = transferFor(ana, memoryTexts([text]), { invite: server.createProject('another') });
    expect(elsewhere.confirmed(text.id)).toBe(false);
    await waitUntil(() => elsewhere.confirmed(text.id), 'the text to be uploaded to the other project');
  });

  it('reports a refused text once and does not send it again', async () => {
    const ana = member('Ana', 7);
    const text = addedText('Mislabelled', ['The local copy was damaged.']);
    addDocument(ana.doc, ana.actor, record(text, 'Mislabelled'));
    const damaged = memoryTexts();
    damaged.map.set(text.id, text.source.replace('damaged', 'repaired'));
    let puts = 0;
    const counting: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT') puts++;
      return fetch(input, init);
    };
    const events: TransferEvent[] = [];
    const transfer = transferFor(ana, damaged, { fetch: counting, report: (event) => events.push(event) });
    await waitUntil(() => events.some((event) => event.kind === 'refused'), 'the refusal to be reported');
    expect(events.find((event) => event.kind === 'refused')).toMatchObject({ id: text.id, status: 422, reason: expect.stringMatching(/content hash gives/) });
    addDocument(ana.doc, ana.actor, record(addedText('Other', ['Another one.']), 'Other'));
    await transfer.sync();
    transfer.reconnected();
    await transfer.sync();
    expect(puts).toBe(1);
    expect(transfer.confirmed(text.id)).toBe(false);
  });

  it('does not send a text over the size limit, and reports it refused', async () => {
    const ana = member('Ana', 10);
    const text = addedText('Huge', ['Longer than this server takes, by a few bytes.']);
    addDocument(ana.doc, ana.actor, record(text, 'Huge'));
    let puts = 0;
    const counting: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT') puts++;
      return fetch(input, init);
    };
    const events: TransferEvent[] = [];
    const transfer = startDocumentTransfer({ serverUrl: server.url, token: invite.token, projectId: invite.projectId, doc: ana.doc, texts: memoryTexts([text]), fetch: counting, backoff, maxTextBytes: 100, report: (event) => events.push(event) });
    transfers.push(transfer);
    await waitUntil(() => events.some((event) => event.kind === 'refused'), 'the size refusal');
    expect(events.find((event) => event.kind === 'refused')).toMatchObject({ id: text.id, status: 413, reason: expect.stringMatching(/over the server's limit of 100/) });
    expect(puts).toBe(0);
  });

  it('keeps retrying while the server is down and uploads once it is back', async () => {
    const ana = member('Ana', 8);
    const text = addedText('Offline', ['Added while the server was down.']);
    const events: TransferEvent[] = [];
    let onConnected = (): void => undefined;
    const transfer = transferFor(ana, memoryTexts([text]), { report: (event) => events.push(event), watchConnection: (listener) => ((onConnected = listener), () => undefined) });
    await server.stop();
    addDocument(ana.doc, ana.actor, record(text, 'Offline'));
    await waitUntil(() => events.filter((event) => event.kind === 'retrying').length >= 2, 'two retries while the server is down');
    expect(transfer.confirmed(text.id)).toBe(false);
    await server.restart();
    onConnected();
    await waitUntil(() => transfer.confirmed(text.id), 'the upload once the server is back');
    const response = await fetch(documentTextUrl(httpBaseOf(server.url), invite.projectId, text.id), { headers: { authorization: `Bearer ${invite.token}` } });
    expect(await response.text()).toBe(text.source);
  });

  it('reports a refused token without retrying it', async () => {
    const ana = member('Ana', 9);
    const text = addedText('Revoked', ['Sent with a revoked token.']);
    addDocument(ana.doc, ana.actor, record(text, 'Revoked'));
    const leaving = server.createToken(invite.projectId, 'leaving');
    server.handle.revokeToken(leaving.tokenId);
    const events: TransferEvent[] = [];
    const transfer = transferFor(ana, memoryTexts([text]), { invite: leaving, report: (event) => events.push(event) });
    await waitUntil(() => events.some((event) => event.kind === 'refused'), 'the token refusal');
    expect(events.find((event) => event.kind === 'refused')).toMatchObject({ status: 403, reason: 'token revoked' });
    expect(events.some((event) => event.kind === 'retrying')).toBe(false);
  });
});

