/**
 * The "which excerpts" half of the Export dialog: tags (with any/all), people, documents,
 * a date range (typed as ISO YYYY-MM-DD whatever the locale), "only with a note", and the
 * sort order. Renders the dialog state and
 * reports changes; the choices come from the live project (codebook tree, members) and
 * the loaded library, so a tag a teammate just created shows up while the dialog is open.
 */
import type { Article } from '#shared/documents/article.ts';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import type { MemberView } from '#shared/model/project.ts';
import type { TagTreeNode, TagUsage } from '#shared/model/queries.ts';
import { toggled, type ExportDialogState } from './export-options.ts';

/** Props of {@link ExportFilters}. */
export interface ExportFiltersProps {
  readonly state: ExportDialogState;
  readonly onChange: (changes: Partial<ExportDialogState>) => void;
  /** The codebook's tree. */
  readonly tags: readonly TagTreeNode[];
  /** Highlights per tag (its descendants included); null while they are being counted. */
  readonly usage: ReadonlyMap<TagId, TagUsage> | null;
  readonly members: readonly MemberView[];
  readonly articles: readonly Article[];
  /** False for formats that ignore filters (the codebook). */
  readonly disabled: boolean;
}

type FlatTag = { readonly node: TagTreeNode; readonly depth: number };

function flatten(nodes: readonly TagTreeNode[], depth = 0, out: FlatTag[] = []): FlatTag[] {
  for (const node of nodes) {
    out.push({ node, depth });
    flatten(node.children, depth + 1, out);
  }
  return out;
}

/**
 * A day typed as `YYYY-MM-DD`. A plain text field rather than `<input type="date">`, whose
 * look follows the browser's locale (31.12.2026 in German, 12/31/2026 in US English): the
 * dialog shows the ISO form everywhere, the same form the exported files and the command
 * line's `--from-date` use.
 */
function IsoDateInput({ value, onChange }: { readonly value: string; readonly onChange: (value: string) => void }) {
  return (
    <input
      type="text"
      className="export-date"
      inputMode="numeric"
      placeholder="YYYY-MM-DD"
      maxLength={10}
      size={10}
      spellCheck={false}
      autoComplete="off"
      value={value}
      onChange={(event) => onChange(event.target.value.trim())}
    />
  );
}

/** The filter controls. */
export function ExportFilters({ state, onChange, tags, usage, members, articles, disabled }: ExportFiltersProps) {
  const flatTags = flatten(tags);
  return (
    <fieldset className="export-filters" disabled={disabled}>
      <legend>Which excerpts</legend>
      <div className="export-filters__grid">
        <fieldset className="export-choice-list" data-testid="export-tags">
          <legend>Tags</legend>
          {flatTags.length === 0 && <p className="export-muted">No tags yet.</p>}
          <ul>
            {flatTags.map(({ node, depth }) => (
              <li key={node.tag.id} className={`export-tag export-tag--depth-${Math.min(depth, 4)}`}>
                <label>
                  <input
                    type="checkbox"
                    checked={state.tags.includes(node.tag.id)}
                    onChange={(event) => onChange({ tags: toggled<TagId>(state.tags, node.tag.id, event.target.checked) })}
                  />
                  <span className={`tag-swatch tag-swatch-${node.tag.id}`} aria-hidden="true" />
                  {node.tag.name} <span className="export-muted">({usage === null ? '…' : usage.get(node.tag.id)?.total ?? 0})</span>
                </label>
              </li>
            ))}
          </ul>
          <div className="export-inline" role="radiogroup" aria-label="Tag match">
            <label><input type="radio" name="export-tag-match" checked={state.tagMatch === 'any'} onChange={() => onChange({ tagMatch: 'any' })} /> any of these</label>
            <label><input type="radio" name="export-tag-match" checked={state.tagMatch === 'all'} onChange={() => onChange({ tagMatch: 'all' })} /> all of these</label>
          </div>
          <p className="export-muted">A parent tag includes its children. None ticked: every excerpt.</p>
        </fieldset>
        <div className="export-filters__column">
          <fieldset className="export-choice-list" data-testid="export-people">
            <legend>People</legend>
            {members.length === 0 && <p className="export-muted">Nobody has annotated yet.</p>}
            <ul>
              {members.map((member) => (
                <li key={member.id}>
                  <label>
                    <input type="checkbox" checked={state.members.includes(member.id)} onChange={(event) => onChange({ members: toggled<MemberId>(state.members, member.id, event.target.checked) })} />
                    {member.name || 'Unnamed teammate'}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset className="export-choice-list" data-testid="export-documents">
            <legend>Documents</legend>
            <ul>
              {articles.map((article) => (
                <li key={article.meta.id}>
                  <label>
                    <input type="checkbox" checked={state.documents.includes(article.meta.id)} onChange={(event) => onChange({ documents: toggled<string>(state.documents, article.meta.id, event.target.checked) })} />
                    {article.meta.title}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        </div>
      </div>
      <div className="export-inline export-inline--wrap">
        <label className="field field--inline">
          <span>Created from</span>
          <IsoDateInput value={state.fromDate} onChange={(fromDate) => onChange({ fromDate })} />
        </label>
        <label className="field field--inline">
          <span>to</span>
          <IsoDateInput value={state.toDate} onChange={(toDate) => onChange({ toDate })} />
        </label>
        <label>
          <input type="checkbox" checked={state.withNote} onChange={(event) => onChange({ withNote: event.target.checked })} /> Only excerpts with a note
        </label>
        <label className="field field--inline">
          <span>Sort by</span>
          <select value={state.sort} onChange={(event) => onChange({ sort: event.target.value as ExportDialogState['sort'] })}>
            <option value="document">Document order</option>
            <option value="tag">Tag (codebook order)</option>
            <option value="date">Date created</option>
          </select>
        </label>
      </div>
    </fieldset>
  );
}
