/**
 * Per article, how many live highlights and notes the open project holds: the local
 * person's and the team's (everyone else's). Counted in idle time, never in a render
 * (useDocReadWhenIdle): the count is a pass over every highlight and note (~35 ms on the 10k
 * project on a page just loaded), which the first render after a load or a return to the
 * library would otherwise carry. The library shows at once and its counts follow; a count
 * of the project as it is now is reused across mounts. Nothing before annotating can start
 * (no workspace).
 */
import { useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import type { MemberId } from '#shared/model/ids.ts';
import { useDocReadWhenIdle, useOptionalWorkspace } from '../annotations/use-workspace.ts';
import { countsByArticle, splitCounts, type ArticleCounts } from '../store/project-summary.ts';

const emptyDoc = new Y.Doc();
const noSubscription = (): (() => void) => () => undefined;
const noMember = (): MemberId | null => null;

/** Counts by article id (null outside the annotations gate, and until the first count). */
export function useArticleCounts(): ReadonlyMap<string, ArticleCounts> | null {
  const workspace = useOptionalWorkspace();
  const doc = workspace?.session.doc ?? emptyDoc;
  const member = useSyncExternalStore(workspace?.subscribe ?? noSubscription, workspace === null ? noMember : () => workspace.getSnapshot().member?.id ?? null);
  const { value } = useDocReadWhenIdle(doc, countsByArticle);
  return useMemo(() => {
    if (workspace === null || value === undefined) return null;
    return new Map([...value].map(([id, counts]) => [id, splitCounts(counts, member)]));
  }, [workspace, value, member]);
}
