/**
 * The Analysis panel: one tab strip over the analysis views (analysis-tabs.ts). The open
 * tab and its subject live in the workspace snapshot, so a button elsewhere (a codebook
 * row, a table cell) can open a view on something.
 *
 * The tab strip follows the WAI-ARIA tabs pattern: one tab stop, ←/→/Home/End move and
 * select, the panel below is labelled by its tab.
 */
import type { KeyboardEvent } from 'react';
import type { Article } from '#shared/documents/article.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { useWorkspaceSnapshot } from '../annotations/use-workspace.ts';
import { ANALYSIS_TABS } from './analysis-tabs.ts';

/** Props of {@link AnalysisPanel}. */
export interface AnalysisPanelProps {
  readonly workspace: AnnotationWorkspace;
  readonly articles: readonly Article[];
}

/** The panel. */
export function AnalysisPanel({ workspace, articles }: AnalysisPanelProps) {
  const { analysis } = useWorkspaceSnapshot(workspace);
  const current = ANALYSIS_TABS.find((tab) => tab.id === analysis.tab) ?? ANALYSIS_TABS[0];
  if (current === undefined) return <p className="muted">No analysis views.</p>;

  const select = (index: number): void => {
    const tab = ANALYSIS_TABS[(index + ANALYSIS_TABS.length) % ANALYSIS_TABS.length];
    if (tab === undefined) return;
    workspace.openAnalysis(tab.id);
    document.getElementById(`analysis-tab-${tab.id}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = ANALYSIS_TABS.indexOf(current);
    const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: ANALYSIS_TABS.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(target);
  };

  const { View } = current;
  return (
    <div className="analysis-panel">
      <div className="analysis-panel__tabs" role="tablist" aria-label="Analysis views" onKeyDown={onKeyDown}>
        {ANALYSIS_TABS.map((tab) => (
          <button
            key={tab.id}
            id={`analysis-tab-${tab.id}`}
            type="button"
            role="tab"
            className="analysis-panel__tab"
            aria-selected={tab === current}
            aria-controls="analysis-view"
            tabIndex={tab === current ? 0 : -1}
            onClick={() => workspace.openAnalysis(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div id="analysis-view" role="tabpanel" className="analysis-panel__view" aria-labelledby={`analysis-tab-${current.id}`}>
        <View workspace={workspace} articles={articles} subject={subjectOf(analysis, current.id)} />
      </div>
    </div>
  );
}

function subjectOf(analysis: { readonly tab: string | null; readonly subject: string | null }, id: string): string | null {
  return analysis.tab === id ? analysis.subject : null;
}
