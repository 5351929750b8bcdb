/**
 * The "format" part of the Export dialog: one radio per format (the shared list of export
 * formats, in its order and with its names) with a line saying who opens it, and the
 * options of the chosen format right under it (CSV rows and the Excel byte order mark,
 * Markdown grouping). The first radio takes focus when the dialog opens.
 */
import type { RefObject } from 'react';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS } from '#shared/export/formats.ts';
import { FORMAT_HINTS, type ExportDialogState } from './export-options.ts';

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
  if (state.format === 'md') {
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
  return (
    <fieldset className="export-format">
      <legend>Format</legend>
      <ul>
        {EXPORT_FORMAT_IDS.map((format, index) => (
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
                <span className="export-format__label">{EXPORT_FORMATS[format].label}</span>
                <span className="export-muted export-format__hint">{FORMAT_HINTS[format]}</span>
              </span>
            </label>
            {state.format === format && <FormatOptions state={state} onChange={onChange} />}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
