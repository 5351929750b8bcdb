/**
 * The annotation keys on the whole window: 1–9 tag, Delete trashes the focused highlight
 * (a notice offers Undo), Enter in the article opens the focused highlight's popover,
 * Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (or Ctrl+Y) undo and redo the person's own changes —
 * the map is annotation-keys.ts, the actions annotation-commands.ts.
 *
 * Where keys go: nothing before first run; text fields edit themselves (a note editor bound
 * to its Y.Text still routes undo here, so undo stays per person); where a native menu
 * delivers undo and redo (Electron), the menu's command is the one path and the keys are
 * left to it.
 *
 * Undo steps: edits in quick succession make one step (typing a sentence is one undo), but
 * a click or focus moving to another field ends the step, so an undo never reaches across
 * two texts or two actions (typing on in a second note right after the first, Ctrl+Z there
 * had also erased the first note's words, or a memo written a moment before).
 */
import { useEffect } from 'react';
import { annotationKeyAction } from './annotation-keys.ts';
import { hasSelection, numberKeyCommand, trashFocusedCommand } from './annotation-commands.ts';
import type { AnnotationWorkspace } from './workspace.ts';

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Listens for the annotation keys while mounted; `menuHandlesUndo` leaves undo/redo keys to a native menu. */
export function useAnnotationKeys(workspace: AnnotationWorkspace, menuHandlesUndo: boolean): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || workspace.getSnapshot().member === null) return;
      const bound = event.target instanceof HTMLElement && event.target.dataset.yjsBound === 'true';
      if (isTextField(event.target) && !bound) return;
      const action = annotationKeyAction(event, { hasSelection: hasSelection(workspace), hasFocusedHighlight: workspace.getSnapshot().focused !== null });
      if (action === null) return;
      if (action.kind === 'undo' || action.kind === 'redo') {
        if (menuHandlesUndo) return;
        event.preventDefault();
        if (action.kind === 'undo') workspace.undo();
        else workspace.redo();
        return;
      }
      if (isTextField(event.target)) return;
      if (action.kind === 'open') {
        // Only from the article (a focused button's Enter presses the button).
        if (!(event.target instanceof Element) || event.target.closest('.reader-document') === null) return;
        event.preventDefault();
        const focused = workspace.getSnapshot().focused;
        if (focused !== null) workspace.showPopover(focused);
        return;
      }
      const handled = action.kind === 'tag' ? numberKeyCommand(workspace, action.number) : trashFocusedCommand(workspace);
      if (handled) event.preventDefault();
    };
    // Capture phase: the article's editor view consumes Ctrl/Cmd+Z and Ctrl+Y (it prevents the
    // browser's own contenteditable undo), so a bubbling listener would never see them while
    // the caret is in the text. Text fields are left to edit themselves (checked above).
    window.addEventListener('keydown', onKeyDown, true);
    const endUndoStep = (): void => workspace.endUndoStep();
    window.addEventListener('pointerdown', endUndoStep, true);
    window.addEventListener('focusin', endUndoStep, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('pointerdown', endUndoStep, true);
      window.removeEventListener('focusin', endUndoStep, true);
    };
  }, [workspace, menuHandlesUndo]);
}
