import { REFERENCE_DEFINITIONS, type ReferenceKind } from '../ingest/stage/reference-kinds';
import { csvLine } from './dataset-csv';

/**
 * A file to start from for each reference kind: its columns, headed by the labels the Data view
 * reads, and example rows that say they are examples. They load together, in one batch: the
 * recommendations and the response belong to the example inspection.
 */
export const REFERENCE_TEMPLATE_ROWS: Record<ReferenceKind, readonly (readonly string[])[]> = {
  inspections: [
    ['example-force-review-2025', 'Example: a force review of your own (replace this row)', '14/03/2025', 'force report', ''],
  ],
  recommendations: [
    ['example-force-review-2025', '1', 'Example: the wording as published', 'Chief constable', 'yes', 'By 30 September 2025', '', ''],
    ['example-force-review-2025', 'R2', 'Example: a deadline read from the text', 'Chief constable', 'yes', 'Within six months', '', ''],
    ['example-force-review-2025', '3', 'Example: addressed to someone other than forces', 'Home Office', 'no', 'With immediate effect', '', ''],
  ],
  responses: [
    ['Kent', 'example-force-review-2025', '', '', 'Example: a response whose publication date is not known'],
  ],
};

export function referenceTemplateCsv(kind: ReferenceKind): string {
  const header = REFERENCE_DEFINITIONS[kind].columns.map((column) => column.label);
  return [header, ...REFERENCE_TEMPLATE_ROWS[kind]].map(csvLine).join('');
}
