import { headerKey } from '../recognise/column-synonyms';

/**
 * The reference files a user may load beside statuses: their own inspections, recommendations and
 * PCC responses. Each column has the canonical name (schema.ts), the label messages use, the
 * headers it may have, and how its cells are read.
 */
export type ReferenceKind = 'inspections' | 'recommendations' | 'responses';
export type FileKind = 'statuses' | ReferenceKind;

export const REFERENCE_KINDS: readonly ReferenceKind[] = ['inspections', 'recommendations', 'responses'];
/** Who holds a reference row no user file added. */
export const SHIPPED_HOLDER = 'the shipped data';

export const FILE_KINDS: readonly FileKind[] = ['statuses', ...REFERENCE_KINDS];

/** What each kind of file, or the table it fills, is called on screen. */
export const FILE_KIND_LABELS: Record<FileKind | 'forces', string> = {
  statuses: 'Statuses',
  inspections: 'Inspections',
  recommendations: 'Recommendations',
  responses: 'PCC responses',
  forces: 'Forces',
};

/**
 * id: an identifier as written (trimmed); text: free text; date: a required date; date_or_blank: a
 * date that may be unknown; rec_no: a positive whole number; yes_no: true or false; force and
 * inspection: matched like the status files' columns; due_text: a deadline as written.
 */
export type CellReading = 'id' | 'text' | 'date' | 'date_or_blank' | 'rec_no' | 'yes_no' | 'force' | 'inspection' | 'due_text';

/** The type of the canonical column a reading gives. */
export function sqlType(reading: CellReading): 'VARCHAR' | 'DATE' | 'INTEGER' | 'BOOLEAN' {
  if (reading === 'date' || reading === 'date_or_blank') return 'DATE';
  if (reading === 'rec_no') return 'INTEGER';
  return reading === 'yes_no' ? 'BOOLEAN' : 'VARCHAR';
}

export interface ReferenceColumn {
  column: string;
  label: string;
  synonyms: readonly string[];
  required: boolean;
  reading: CellReading;
}

export interface ReferenceDefinition {
  kind: ReferenceKind;
  /** The canonical table the rows go to. */
  table: ReferenceKind;
  /** One row is… (for messages). */
  rowNoun: string;
  columns: readonly ReferenceColumn[];
  /** Columns that identify a row: a second row with the same key is a duplicate or a conflict. */
  key: readonly string[];
}

const inspectionColumn = (required: boolean): ReferenceColumn => ({
  column: 'inspection_id', label: 'Inspection', required, reading: 'inspection',
  synonyms: ['inspection', 'inspection id', 'inspection title', 'inspection name', 'report', 'report id', 'report title', 'report name'],
});

export const REFERENCE_DEFINITIONS: Record<ReferenceKind, ReferenceDefinition> = {
  inspections: {
    kind: 'inspections', table: 'inspections', rowNoun: 'inspection', key: ['inspection_id'],
    columns: [
      { column: 'inspection_id', label: 'Inspection', required: true, reading: 'id',
        synonyms: ['inspection', 'inspection id', 'id', 'report id', 'inspection ref', 'inspection reference', 'slug'] },
      { column: 'title', label: 'Title', required: true, reading: 'text',
        synonyms: ['title', 'inspection title', 'report title', 'report name', 'inspection name', 'name'] },
      { column: 'published', label: 'Published', required: true, reading: 'date',
        synonyms: ['published', 'publication date', 'date published', 'published on', 'published date', 'report date', 'date'] },
      { column: 'kind', label: 'Kind', required: false, reading: 'text',
        synonyms: ['kind', 'type', 'report type', 'inspection type', 'category'] },
      { column: 'source_url', label: 'Source URL', required: false, reading: 'text',
        synonyms: ['source url', 'url', 'link', 'web address', 'report url', 'source'] },
    ],
  },
  recommendations: {
    kind: 'recommendations', table: 'recommendations', rowNoun: 'recommendation', key: ['inspection_id', 'rec_no'],
    columns: [
      inspectionColumn(true),
      { column: 'rec_no', label: 'Recommendation', required: true, reading: 'rec_no',
        synonyms: ['rec no', 'recommendation', 'recommendation number', 'recommendation no', 'rec', 'rec number', 'number', 'no', 'recommendation ref', 'rec ref'] },
      { column: 'text', label: 'Text', required: false, reading: 'text',
        synonyms: ['text', 'recommendation text', 'wording', 'recommendation wording', 'description'] },
      { column: 'addressee', label: 'Addressee', required: false, reading: 'text',
        synonyms: ['addressee', 'addressed to', 'to', 'owner', 'recipient'] },
      { column: 'for_forces', label: 'For forces', required: false, reading: 'yes_no',
        synonyms: ['for forces', 'forces', 'applies to forces', 'addressed to forces', 'for police forces'] },
      { column: 'due_text', label: 'Due', required: false, reading: 'due_text',
        synonyms: ['due text', 'due', 'deadline', 'timescale', 'due by', 'by when'] },
      { column: 'due_date', label: 'Due date', required: false, reading: 'date_or_blank',
        synonyms: ['due date', 'deadline date', 'date due'] },
      { column: 'source_url', label: 'Source URL', required: false, reading: 'text',
        synonyms: ['source url', 'url', 'link', 'web address', 'source'] },
    ],
  },
  responses: {
    kind: 'responses', table: 'responses', rowNoun: 'response', key: ['force_id', 'inspection_id', 'published'],
    columns: [
      { column: 'force_id', label: 'Force', required: true, reading: 'force',
        synonyms: ['force', 'force name', 'force id', 'police force', 'constabulary', 'force area', 'police force area', 'pfa', 'pcc'] },
      inspectionColumn(true),
      { column: 'published', label: 'Published', required: false, reading: 'date_or_blank',
        synonyms: ['published', 'response published', 'date published', 'publication date', 'response date', 'published on'] },
      { column: 'url', label: 'URL', required: false, reading: 'text',
        synonyms: ['url', 'link', 'response url', 'web address', 'source url'] },
      { column: 'note', label: 'Note', required: false, reading: 'text',
        synonyms: ['note', 'notes', 'comment', 'comments'] },
    ],
  },
};

/** Which column of a reference file each canonical column is, by header (first match wins). */
export function referenceColumns(definition: ReferenceDefinition, headers: readonly string[]): Partial<Record<string, number>> {
  const keys = headers.map(headerKey);
  const found: Partial<Record<string, number>> = {};
  const taken = new Set<number>();
  for (const column of definition.columns) {
    const index = keys.findIndex((key, i) => !taken.has(i) && column.synonyms.some((synonym) => headerKey(synonym) === key));
    if (index >= 0) {
      found[column.column] = index;
      taken.add(index);
    }
  }
  return found;
}

/** What each kind of file needs, as said to the user. */
export function kindNeeds(kind: FileKind): string {
  if (kind === 'statuses') return 'statuses: Force, Inspection, Recommendation, Status, Date (or Inspection, Recommendation, Date and a column per force)';
  const definition = REFERENCE_DEFINITIONS[kind];
  const required = definition.columns.filter((c) => c.required).map((c) => c.label);
  const optional = definition.columns.filter((c) => !c.required).map((c) => c.label);
  return `${kind}: ${required.join(', ')}${optional.length ? ` (${optional.join(', ')} optional)` : ''}`;
}
