/**
 * The tabs of the Analysis panel, in the order they are shown. Each analysis view (corpus
 * search, a code's segments, tables, agreement, memos) is one entry here, so adding a
 * view touches this list and nothing else of the panel.
 *
 * A tab may take a subject (a code id, a pair of coders…) so another part of the app can
 * open it on something: `workspace.openAnalysis(tab, subject)`.
 */
import type { ComponentType } from 'react';
import type { Article } from '#shared/documents/article.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { SearchView } from './SearchView.tsx';
import { SegmentsView } from './SegmentsView.tsx';
import { CodeMatrixView } from './CodeMatrixView.tsx';
import { CooccurrenceView } from './CooccurrenceView.tsx';
import { SEGMENTS_TAB_ID } from './segments-subject.ts';
import { AgreementView } from './AgreementView.tsx';
import { CompareView } from './CompareView.tsx';
import { MemosView } from './MemosView.tsx';

/** What every analysis view gets. */
export interface AnalysisViewProps {
  readonly workspace: AnnotationWorkspace;
  /** The loaded articles (titles, canonical texts). */
  readonly articles: readonly Article[];
  /** What the tab was opened on, if anything (its meaning is the tab's own). */
  readonly subject: string | null;
}

/** One tab of the panel. */
export interface AnalysisTab {
  /** Stable id, used by `openAnalysis` and in test ids (`analysis-tab-<id>`). */
  readonly id: string;
  readonly label: string;
  readonly View: ComponentType<AnalysisViewProps>;
}

/** The tabs, in display order. */
export const ANALYSIS_TABS: readonly AnalysisTab[] = [
  { id: 'search', label: 'Search', View: SearchView },
  { id: SEGMENTS_TAB_ID, label: 'Segments', View: SegmentsView },
  { id: 'codes-documents', label: 'Codes × documents', View: CodeMatrixView },
  { id: 'cooccurrence', label: 'Co-occurrence', View: CooccurrenceView },
  { id: 'agreement', label: 'Agreement', View: AgreementView },
  { id: 'compare', label: 'Compare', View: CompareView },
  { id: 'memos', label: 'Memos', View: MemosView },
];
