/**
 * Ctrl/Cmd+Shift+F (Edit ▸ Search All Articles… in the desktop app): opens the Analysis
 * panel on its Search tab with the caret in the search field, whichever tab or panel was
 * open before.
 */
import { useEffect } from 'react';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import type { CommandBus } from '../store/command-bus.ts';

/** Id of the Search tab (analysis-tabs.ts). */
export const SEARCH_TAB_ID = 'search';

/** Id of the Search tab's field. */
export const SEARCH_FIELD_ID = 'corpus-search-field';

/** Listens for the 'search-corpus' command while mounted. */
export function useSearchCommand(workspace: AnnotationWorkspace, commands: CommandBus): void {
  useEffect(() => commands.subscribe((command) => {
    if (command !== 'search-corpus') return;
    workspace.openAnalysis(SEARCH_TAB_ID);
    // The panel renders on the next frame; then the field can take the caret.
    requestAnimationFrame(() => {
      const field = document.getElementById(SEARCH_FIELD_ID);
      if (field instanceof HTMLInputElement) {
        field.focus();
        field.select();
      }
    });
  }), [workspace, commands]);
}
