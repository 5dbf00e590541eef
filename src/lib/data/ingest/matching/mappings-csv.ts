import Papa from 'papaparse';
import { toCsv } from '../../export/csv-text';
import { MAPPING_KINDS, type MappingKind, type UserMapping } from './user-mappings';

/**
 * The user's mappings as a small CSV they can keep, share with a colleague and load next
 * quarter: "What, Written as, Means", e.g. "inspection, How effective police forces are…,
 * firearms-2023". A recommendation reference is read within one inspection, so when there is
 * one a fourth column, Inspection, says which ("recommendation, Rec 2a, 2, firearms-2023").
 * Read back with the same headers, in any case.
 */
const WHAT: Record<MappingKind, string> = { force: 'force', inspection: 'inspection', status: 'status word', recommendation: 'recommendation' };
const HEADERS = ['What', 'Written as', 'Means'] as const;
const INSPECTION = 'Inspection';

export function mappingsCsv(mappings: readonly UserMapping[]): string {
  const columns = [
    { key: 'what' as const, label: HEADERS[0] }, { key: 'written' as const, label: HEADERS[1] }, { key: 'means' as const, label: HEADERS[2] },
  ];
  const within = mappings.some((m) => m.kind === 'recommendation') ? [{ key: 'inspection' as const, label: INSPECTION }] : [];
  return toCsv(mappings.map((m) => ({ what: WHAT[m.kind], written: m.written_as, means: m.meaning, inspection: m.inspection ?? '' })),
    [...columns, ...within]);
}

export interface ReadMappings {
  mappings: UserMapping[];
  /** One line per row that could not be read, naming the row and what was expected. */
  problems: string[];
}

/** `meaningOk` says whether a force id, inspection id, status or recommendation (in its inspection) is one Oversight knows. */
export function readMappingsCsv(text: string, meaningOk: (kind: MappingKind, meaning: string, inspection: string) => boolean): ReadMappings {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  const keys = (header ?? []).map((cell) => cell.trim().toLowerCase());
  const at = HEADERS.map((name) => keys.indexOf(name.toLowerCase()));
  if (at.some((index) => index < 0)) {
    return { mappings: [], problems: [`Row 1: the headers are ${keys.join(', ') || 'missing'}; expected ${HEADERS.join(', ')}.`] };
  }
  const inspectionAt = keys.indexOf(INSPECTION.toLowerCase());
  const kindOf = new Map(MAPPING_KINDS.map((kind) => [WHAT[kind], kind] as const));
  const mappings: UserMapping[] = [];
  const problems: string[] = [];
  rows.forEach((row, k) => {
    const [what, written, means] = at.map((index) => (row[index] ?? '').trim());
    const kind = kindOf.get(what!.toLowerCase());
    // A leading apostrophe is how our CSV guards a value a spreadsheet would run as a formula.
    const writtenAs = written!.replace(/^'(?=[=+\-@])/, '');
    const inspection = inspectionAt < 0 ? '' : (row[inspectionAt] ?? '').trim();
    if (!kind) problems.push(`Row ${k + 2}: "${what}" is not one of ${[...kindOf.keys()].join(', ')}.`);
    else if (!writtenAs) problems.push(`Row ${k + 2}: Written as is empty.`);
    else if (kind === 'recommendation' && !inspection) problems.push(`Row ${k + 2}: a recommendation needs its Inspection.`);
    else if (!meaningOk(kind, means!, inspection)) {
      problems.push(`Row ${k + 2}: "${means}" is not a ${WHAT[kind]} Oversight knows${kind === 'recommendation' ? ` in ${inspection}` : ''}.`);
    } else mappings.push(kind === 'recommendation' ? { kind, written_as: writtenAs, meaning: means!, inspection } : { kind, written_as: writtenAs, meaning: means! });
  });
  return { mappings, problems };
}
