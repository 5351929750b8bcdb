/**
 * The Memos tab of the Analysis panel: every memo of the project — the project memo, one
 * per document, one per code — with who edited it last and when, filtered by a search
 * over their text (folded as find in the article folds: case, accents, ASCII spellings);
 * choosing one opens it for writing (MemoEditor.tsx). Opened on a subject ('project',
 * 'document:<id>', 'tag:<id>'; memo-subjects.ts) it shows that memo directly, which is how
 * the reader and the codebook open theirs.
 */
import { useMemo, useState } from 'react';
import type { Article } from '#shared/documents/article.ts';
import { listMemos, type MemoView } from '#shared/model/memo-views.ts';
import { parseMemoSubject } from '#shared/model/memo-subjects.ts';
import { buildTagIndex, type TagIndex } from '#shared/model/tag-index.ts';
import { foldText } from '#shared/text/fold.ts';
import { memoPlainText } from '#shared/text/memo-markup.ts';
import { useDocVersion } from '../annotations/use-workspace.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { formatTime, memberNames } from '../panels/people.ts';
import type { AnalysisViewProps } from './analysis-tabs.ts';
import { MemoEditor } from './MemoEditor.tsx';
import { MEMOS_TAB, memoTitle, PROJECT_MEMO_TAB_SUBJECT, storedSubjectOf, tabSubjectOf } from './memo-subjects.ts';
import './memos.css';

function snippet(text: string): string {
  const plain = memoPlainText(text).replace(/\s+/g, ' ').trim();
  return plain.length > 140 ? `${plain.slice(0, 139)}…` : plain;
}

function MemoList({ workspace, articles, memos, tags }: { workspace: AnnotationWorkspace; articles: readonly Article[]; memos: readonly MemoView[]; tags: TagIndex }) {
  const doc = workspace.session.doc;
  const [query, setQuery] = useState('');
  const nameOf = memberNames(doc);
  const needle = foldText(query).trim();
  // Searched as read: a link counts by its quote, not by its markup.
  const shown = needle === '' ? memos : memos.filter((memo) => foldText(memoPlainText(memo.text)).includes(needle));
  const hasProjectMemo = memos.some((memo) => memo.about.kind === 'project');
  return (
    <div className="memo-list">
      <input
        type="search"
        className="memo-list__search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="Search memos"
        aria-label="Search memos"
        data-testid="memo-search"
      />
      {!hasProjectMemo && (
        <button type="button" className="button" onClick={() => workspace.openAnalysis(MEMOS_TAB, PROJECT_MEMO_TAB_SUBJECT)}>Write the project memo</button>
      )}
      {memos.length === 0 && <p className="panel-empty">No memos yet. Write the project memo, or open a document’s memo from the reader’s sidebar and a code’s from its codebook row.</p>}
      {memos.length > 0 && shown.length === 0 && <p className="panel-empty">No memo contains “{query.trim()}”.</p>}
      <ul className="memo-list__items" aria-label="Memos">
        {shown.map((memo) => (
          <li key={memo.subject}>
            <button type="button" className="memo-list__item" data-testid="memo-item" onClick={() => workspace.openAnalysis(MEMOS_TAB, tabSubjectOf(memo.subject))}>
              <span className="memo-list__title">{memoTitle(memo.about, tags, articles)}</span>
              <span className="memo-list__meta">{nameOf(memo.editedBy)}, {formatTime(memo.editedAt)}</span>
              <span className="memo-list__snippet">{snippet(memo.text) || 'Empty'}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The Memos tab. */
export function MemosView({ workspace, articles, subject }: AnalysisViewProps) {
  const doc = workspace.session.doc;
  const version = useDocVersion(doc);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  const memos = useMemo(() => listMemos(doc), [doc, version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  const tags = useMemo(() => buildTagIndex(doc), [doc, version]);
  const stored = storedSubjectOf(subject);
  const about = stored === undefined ? undefined : parseMemoSubject(stored);
  if (stored === undefined || about === undefined) return <MemoList workspace={workspace} articles={articles} memos={memos} tags={tags} />;
  return (
    <MemoEditor
      key={stored}
      workspace={workspace}
      articles={articles}
      subject={stored}
      title={memoTitle(about, tags, articles)}
      description={about.kind === 'code' ? tags.tags.get(about.tagId)?.description ?? '' : ''}
      memo={memos.find((memo) => memo.subject === stored)}
      onBack={() => workspace.openAnalysis(MEMOS_TAB)}
    />
  );
}
