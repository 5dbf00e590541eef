import type { Connector } from '../../db/connector';
import { resultRows } from '../ingest/stage/result-rows';
import { csvCell } from './csv-text';

/** One CSV line, formula cells neutralised (csv-text.ts), with the CRLF line end spreadsheets expect. */
export const csvLine = (cells: readonly unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;
import { EXPORT_HEADER, EXPORT_PAGE_SQL } from './dataset-rows.sql';

interface ExportRow {
  seq: number;
  force: string;
  inspection: string;
  recommendation: number;
  status: string;
  date: string;
  evidence: string | null;
  source: string;
}

const PAGE_ROWS = 50_000;

/**
 * The loaded statuses as CSV text, in pieces of 50,000 rows (a Blob takes the pieces as they
 * are). `pause` runs between pieces, so the page stays responsive on a million rows.
 */
export async function datasetCsv(db: Connector, pause: () => Promise<void> = async () => {}): Promise<string[]> {
  const parts = [csvLine(EXPORT_HEADER)];
  let after = -1;
  for (;;) {
    const rows = resultRows<ExportRow>(await db.query(EXPORT_PAGE_SQL, [after, PAGE_ROWS]));
    if (rows.length === 0) return parts;
    parts.push(rows.map((r) => csvLine([r.force, r.inspection, r.recommendation, r.status, r.date, r.evidence, r.source])).join(''));
    after = rows.at(-1)!.seq;
    await pause();
  }
}
