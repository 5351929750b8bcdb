/**
 * Per article, how many live highlights and notes the open project holds: the local
 * person's and the team's (everyone else's). Recounted at most once per frame while the
 * project changes (useDocVersion); nothing before annotating can start (no workspace).
 */
import { useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import type { MemberId } from '#shared/model/ids.ts';
import { useDocVersion, useOptionalWorkspace } from '../annotations/use-workspace.ts';
import { countsByArticle, type ArticleCounts } from '../store/project-summary.ts';

const emptyDoc = new Y.Doc();
const noSubscription = (): (() => void) => () => undefined;
const noMember = (): MemberId | null => null;

/** Counts by article id (null outside the annotations gate). */
export function useArticleCounts(): ReadonlyMap<string, ArticleCounts> | null {
  const workspace = useOptionalWorkspace();
  const doc = workspace?.session.doc ?? emptyDoc;
  const version = useDocVersion(doc);
  const member = useSyncExternalStore(workspace?.subscribe ?? noSubscription, workspace === null ? noMember : () => workspace.getSnapshot().member?.id ?? null);
  return useMemo(() => (workspace === null ? null : countsByArticle(doc, member)), [workspace, doc, member, version]);
}
