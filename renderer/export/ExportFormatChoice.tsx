/**
 * The "format" part of the Export dialog: one radio per format with a line saying who opens
 * it, and the options of the chosen format right under it (CSV rows and the Excel byte
 * order mark, Markdown grouping). The first radio takes focus when the dialog opens.
 */
import type { RefObject } from 'react';
import { FORMATS, type ExportDialogState, type ExportFormat } from './export-options.ts';

/** Props of {@link ExportFormatChoice}. */
export interface ExportFormatChoiceProps {
  readonly state: ExportDialogState;
  readonly onChange: (changes: Partial<ExportDialogState>) => void;
  readonly firstFieldRef: RefObject<HTMLInputElement | null>;
}

function FormatOptions({ state, onChange }: Omit<ExportFormatChoiceProps, 'firstFieldRef'>) {
  if (state.format === 'csv') {
    return (
      <div className="export-format__options">
        <label className="field field--inline">
          <span>Rows</span>
          <select value={state.csvRows} onChange={(event) => onChange({ csvRows: event.target.value as ExportDialogState['csvRows'] })}>
            <option value="excerpt">One row per excerpt</option>
            <option value="tag">One row per excerpt × tag</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={state.csvExcel} onChange={(event) => onChange({ csvExcel: event.target.checked })} /> Excel (UTF-8 BOM)
        </label>
      </div>
    );
  }
  if (state.format === 'markdown') {
    return (
      <div className="export-format__options">
        <label className="field field--inline">
          <span>Group by</span>
          <select value={state.markdownGroup} onChange={(event) => onChange({ markdownGroup: event.target.value as ExportDialogState['markdownGroup'] })}>
            <option value="tag">Tag</option>
            <option value="document">Document</option>
          </select>
        </label>
      </div>
    );
  }
  return null;
}

/** The format radios and options. */
export function ExportFormatChoice({ state, onChange, firstFieldRef }: ExportFormatChoiceProps) {
  const formats = Object.entries(FORMATS) as [ExportFormat, (typeof FORMATS)[ExportFormat]][];
  return (
    <fieldset className="export-format">
      <legend>Format</legend>
      <ul>
        {formats.map(([format, description], index) => (
          <li key={format}>
            <label className="export-format__choice">
              <input
                ref={index === 0 ? firstFieldRef : undefined}
                type="radio"
                name="export-format"
                value={format}
                checked={state.format === format}
                onChange={() => onChange({ format })}
              />
              <span>
                <span className="export-format__label">{description.label}</span>
                <span className="export-muted export-format__hint">{description.hint}</span>
              </span>
            </label>
            {state.format === format && <FormatOptions state={state} onChange={onChange} />}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
