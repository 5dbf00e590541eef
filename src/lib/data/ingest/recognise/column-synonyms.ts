import { KEY_SEPARATOR_PATTERN } from '../vocabulary/name-keys.sql';

/**
 * What a file's column headers can be called. Headers are compared by their text key (case,
 * spacing and punctuation ignored), so "Force name", "FORCE_NAME" and "force-name" are one.
 */
export type ColumnRole = 'force' | 'inspection' | 'recommendation' | 'status' | 'date' | 'evidence' | 'source';

export interface RoleDefinition {
  role: ColumnRole;
  /** The name used in messages and in the template. */
  label: string;
  synonyms: readonly string[];
}

export const COLUMN_ROLES: readonly RoleDefinition[] = [
  { role: 'force', label: 'Force', synonyms: ['force', 'force name', 'force id', 'police force', 'constabulary', 'force area', 'police force area', 'pfa'] },
  { role: 'inspection', label: 'Inspection', synonyms: ['inspection', 'inspection id', 'inspection title', 'inspection name', 'report', 'report title', 'report name', 'report id', 'publication'] },
  { role: 'recommendation', label: 'Recommendation', synonyms: ['recommendation', 'recommendation number', 'recommendation no', 'recommendation id', 'recommendation ref', 'rec', 'rec no', 'rec number', 'rec id', 'rec ref', 'recommendation reference'] },
  { role: 'status', label: 'Status', synonyms: ['status', 'rag', 'rag status', 'rag rating', 'current status', 'progress status', 'state'] },
  { role: 'date', label: 'Date', synonyms: ['date', 'updated', 'last updated', 'date updated', 'update date', 'as of', 'as at', 'status date', 'date of update', 'reported', 'date reported'] },
  { role: 'evidence', label: 'Evidence', synonyms: ['evidence', 'comment', 'comments', 'update', 'progress update', 'notes', 'note', 'narrative', 'commentary', 'details', 'progress'] },
  { role: 'source', label: 'Source', synonyms: ['source', 'data source', 'provenance'] },
];

/**
 * Columns a wide file may carry beside its force columns that describe the recommendation, not a
 * force: they are not read, and are named in the report as ignored.
 */
export const DESCRIPTIVE_COLUMNS: readonly string[] = [
  'text', 'recommendation text', 'description', 'summary', 'addressee', 'due', 'due date', 'deadline',
  'due text', 'theme', 'area', 'owner', 'lead', 'title', 'notes', 'comment', 'comments', 'evidence',
];

const SEPARATOR = new RegExp(KEY_SEPARATOR_PATTERN, 'g');

/** The text key of the SQL macro `ingest_text_key`, in TS for headers (a handful of strings). */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(SEPARATOR, ' ').trim();
}

const ROLE_BY_KEY = new Map<string, ColumnRole>(
  COLUMN_ROLES.flatMap((definition) => definition.synonyms.map((synonym) => [headerKey(synonym), definition.role] as const)),
);
const DESCRIPTIVE_KEYS = new Set(DESCRIPTIVE_COLUMNS.map(headerKey));

export function roleOfHeader(header: string): ColumnRole | null {
  return ROLE_BY_KEY.get(headerKey(header)) ?? null;
}

export function isDescriptiveHeader(header: string): boolean {
  return DESCRIPTIVE_KEYS.has(headerKey(header));
}

export function roleLabel(role: ColumnRole): string {
  return COLUMN_ROLES.find((definition) => definition.role === role)!.label;
}
