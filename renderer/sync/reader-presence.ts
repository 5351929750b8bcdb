/**
 * Presence in the reader: publishes which article is open and what is selected in it, and
 * draws teammates' selections there.
 *
 * `followReader` watches the workspace for the reader that is open (the reader registers
 * itself with `workspace.attachReader`), adds the remote-selections plugin to that view by
 * reconfiguring its state (the reader module stays ignorant of sync), and removes it when
 * the reader goes. Local selections go out as canonical-text offsets
 * (`textMap.posToOffset`); remote ones come back through `textMap.offsetToPos`, only for
 * peers reading the same article. Colours go into the presence stylesheet.
 */
import type { EditorView } from 'prosemirror-view';
import type { Article } from '#shared/documents/article.ts';
import type { Peer } from './presence.ts';
import { sharedPresenceStylesheet, type PresenceStylesheet } from './presence-stylesheet.ts';
import { createRemoteSelectionsPlugin, remoteSelectionsKey, setRemoteSelections, type RemoteSelection } from './remote-selections-plugin.ts';
import type { TeamSync } from './team-sync.ts';

/** The reader as the workspace knows it (annotations/reader-registry.ts `OpenReader`, the part used here). */
export interface PresenceReader {
  readonly article: Article;
  readonly view: EditorView;
}

/** Where the open reader comes from (the annotation workspace). */
export interface ReaderSource {
  reader(): PresenceReader | null;
  subscribe(listener: () => void): () => void;
}

/** Remote selections of `peers` that fall in `article`, in its ProseMirror positions. */
export function remoteSelectionsFor(peers: readonly Peer[], article: Article): RemoteSelection[] {
  const length = article.text.length;
  const out: RemoteSelection[] = [];
  for (const peer of peers) {
    const selection = peer.selection;
    if (selection === null || selection.documentId !== article.meta.id) continue;
    const start = Math.min(selection.start, length);
    const end = Math.min(selection.end, length);
    if (end <= start) continue;
    out.push({ clientId: peer.clientId, name: peer.member.name, colour: peer.member.colour, from: article.textMap.offsetToPos(start), to: article.textMap.offsetToPos(end) });
  }
  return out;
}

/** Attaches presence to one reader view; returns the detach. */
export function attachReaderPresence(sync: TeamSync, reader: PresenceReader, stylesheet: PresenceStylesheet): () => void {
  const { article, view } = reader;
  const documentId = article.meta.id;
  const plugin = createRemoteSelectionsPlugin((range) => {
    if (range === null) {
      sync.setReading(documentId, null);
      return;
    }
    const start = article.textMap.posToOffset(range.from, 1);
    const end = article.textMap.posToOffset(range.to, -1);
    sync.setReading(documentId, end > start ? { documentId, start, end } : null);
  });
  view.updateState(view.state.reconfigure({ plugins: [...view.state.plugins, plugin] }));
  const paint = (): void => {
    if (view.isDestroyed) return;
    const peers = sync.peers();
    stylesheet.update(peers.map((peer) => peer.member.colour));
    view.dispatch(setRemoteSelections(view.state.tr, remoteSelectionsFor(peers, article)));
  };
  paint();
  const unsubscribe = sync.subscribePeers(paint);
  return () => {
    unsubscribe();
    if (!view.isDestroyed) {
      view.updateState(view.state.reconfigure({ plugins: view.state.plugins.filter((candidate) => candidate.spec.key !== remoteSelectionsKey) }));
    }
  };
}

/** Keeps presence attached to whichever reader is open; returns the stop. */
export function followReader(sync: TeamSync, source: ReaderSource): () => void {
  const stylesheet = sharedPresenceStylesheet();
  let current: PresenceReader | null = null;
  let detach: (() => void) | null = null;
  const check = (): void => {
    const reader = source.reader();
    if (reader === current) return;
    detach?.();
    detach = null;
    current = reader;
    if (reader === null) sync.setReading(null, null);
    else detach = attachReaderPresence(sync, reader, stylesheet);
  };
  check();
  const unsubscribe = source.subscribe(check);
  return () => {
    unsubscribe();
    detach?.();
  };
}
