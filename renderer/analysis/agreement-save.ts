/**
 * Saving the agreement table: the CSV of `marginalia agreement --format csv`
 * (#shared/analysis/agreement-csv.ts) through the host's save dialog — the same
 * `Platform.saveFile` the Export dialog uses (a native dialog in Electron, a download in a
 * browser). The platform is detected on first save (detection only reads what the host
 * provides), so the analysis views need nothing passed down for it.
 */
import { agreementToCsv } from '#shared/analysis/agreement-csv.ts';
import type { AgreementReport } from '#shared/analysis/agreement.ts';
import { detectPlatform, type Platform } from '../services/platform.ts';
import { agreementFileName } from './agreement-format.ts';

let platform: Platform | undefined;

/** Asks where to save `report` as CSV and writes it; resolves false when the person cancels. */
export function saveAgreementCsv(report: AgreementReport): Promise<boolean> {
  platform ??= detectPlatform();
  const [a, b] = report.coders;
  return platform.saveFile({
    suggestedName: agreementFileName(a?.name ?? 'A', b?.name ?? 'B'),
    content: agreementToCsv(report),
    filters: [{ name: 'CSV', extensions: ['csv'] }],
  });
}
