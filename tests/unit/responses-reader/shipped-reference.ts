import Papa from 'papaparse';
import { readShippedData } from '../../../src/lib/data/shipped-data-node';
import type { ReadingReference } from '../../../src/lib/data/responses-reader/structure/reading-reference';

const rows = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;

/** The shipped forces, inspections and recommendations, as the reader gets them from the loaded tables. */
export function shippedReference(): ReadingReference {
  const data = readShippedData();
  return {
    forces: rows(data.forcesCsv).map((r) => ({ force_id: r.force_id!, name: r.name!, aliases: (r.aliases ?? '').split(';').map((a) => a.trim()).filter(Boolean) })),
    inspections: rows(data.inspectionsCsv).map((r) => ({ inspection_id: r.inspection_id!, title: r.title!, published: r.published || null, source_url: r.source_url || null })),
    recommendations: rows(data.recommendationsCsv).map((r) => ({
      inspection_id: r.inspection_id!, rec_no: Number(r.rec_no), text: r.text || null, addressee: r.addressee || null,
      for_forces: r.for_forces === 'true', due_text: r.due_text || null,
    })),
  };
}

/** The statuses encoded by hand from the PCC responses (data/status-pcc-responses.csv). */
export function encodedStatuses(forceId: string): { rec_no: number; status: string }[] {
  return rows(readShippedData().pccStatusesCsv).filter((r) => r.force_id === forceId).map((r) => ({ rec_no: Number(r.rec_no), status: r.status! }));
}
