/** The UI state: one snapshot, replaced on each change (never mutated), every listener told. */
import { describe, expect, it } from 'vitest';
import type { HighlightId } from '#shared/model/ids.ts';
import { createUiState, initialSnapshot } from '../../../renderer/store/ui-state.ts';

describe('ui state', () => {
  it('replaces the snapshot on each change and tells listeners until they unsubscribe', () => {
    const ui = createUiState(initialSnapshot({ member: null, loaded: false, storage: { kind: 'saved' } }));
    const first = ui.getSnapshot();
    expect(first).toMatchObject({ panel: null, focused: null, notice: null, editNote: null, selectionVersion: 0, readerDocumentId: null, analysis: { tab: null, subject: null } });
    let calls = 0;
    const stop = ui.subscribe(() => void (calls += 1));
    ui.update({ panel: 'trash', focused: 'h1' as HighlightId });
    const second = ui.getSnapshot();
    expect(second).not.toBe(first);
    expect(first.panel).toBeNull();
    expect(second).toMatchObject({ panel: 'trash', focused: 'h1', loaded: false });
    expect(ui.getSnapshot()).toBe(second);
    stop();
    ui.update({ panel: null });
    expect(calls).toBe(1);
  });
});
