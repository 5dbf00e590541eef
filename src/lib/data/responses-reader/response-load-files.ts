import { toCsv } from '../export/csv-text';
import type { CanonicalStatus } from '../schema';

/** A person's decision on one proposal: the status to load (null: leave it out) and its evidence. */
export interface StatusDecision { recNo: number; status: CanonicalStatus | null; evidence: string }

export interface ResponseLoad {
  documentName: string;
  force_id: string;
  inspection_id: string;
  /** ISO date of the statuses. */
  statusDate: string;
  /** ISO date of the response: the section-55 response row's publication date; null records no response row. */
  responseDate: string | null;
  decisions: readonly StatusDecision[];
}

/**
 * The accepted statuses and the section-55 response as two CSV files, loaded through the same
 * path as any dropped file (checked, listed, undoable): the statuses name the document as their
 * source and carry the quote as evidence.
 */
export function responseLoadFiles(load: ResponseLoad): File[] {
  const source = `PCC response: ${load.documentName}`;
  const statuses = load.decisions.filter((d) => d.status !== null).map((d) => ({
    force: load.force_id, inspection: load.inspection_id, rec: d.recNo, status: d.status, date: load.statusDate, evidence: d.evidence, source,
  }));
  const files: File[] = [];
  if (statuses.length > 0) {
    files.push(new File([toCsv(statuses, [
      { key: 'force', label: 'Force' }, { key: 'inspection', label: 'Inspection' }, { key: 'rec', label: 'Recommendation' },
      { key: 'status', label: 'Status' }, { key: 'date', label: 'Date' }, { key: 'evidence', label: 'Evidence' }, { key: 'source', label: 'Source' },
    ])], `${load.documentName} (statuses).csv`, { type: 'text/csv' }));
  }
  // An undated response is not recorded: its date is what the 56-day rule needs, and it is not guessed.
  if (load.responseDate) {
    files.push(new File([toCsv([{
      force_id: load.force_id, inspection_id: load.inspection_id, published: load.responseDate, url: '', note: `Read from ${load.documentName}`,
    }], ['force_id', 'inspection_id', 'published', 'url', 'note'].map((key) => ({ key, label: key })))], `${load.documentName} (response).csv`, { type: 'text/csv' }));
  }
  return files;
}
