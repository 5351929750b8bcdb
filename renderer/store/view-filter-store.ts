/**
 * Where the view filter (whose highlights are shown, #shared/analysis/view-filter.ts) is
 * kept: local storage, one key per project, so each project remembers its own choice on
 * this machine and nothing of it enters the project doc (teammates never see it, and it
 * never syncs or merges).
 */
import { parseViewFilter, serializeViewFilter, type ViewFilter } from '#shared/analysis/view-filter.ts';
import type { ProjectId } from '#shared/model/ids.ts';
import type { KeyValueStore } from './identity.ts';

/** The local storage key of `project`'s view filter. */
export function viewFilterKey(project: ProjectId): string {
  return `marginalia.view-filter.v1.${project}`;
}

/** The stored filter of `project` ("everyone" when none or unreadable). */
export function loadViewFilter(storage: KeyValueStore, project: ProjectId): ViewFilter {
  try {
    return parseViewFilter(storage.getItem(viewFilterKey(project)));
  } catch {
    return parseViewFilter(null);
  }
}

/** Stores `filter` for `project`; a full or refused storage only loses the remembering. */
export function saveViewFilter(storage: KeyValueStore, project: ProjectId, filter: ViewFilter): void {
  try {
    storage.setItem(viewFilterKey(project), serializeViewFilter(filter));
  } catch {
    // The filter still applies for this page; it is just not remembered.
  }
}
