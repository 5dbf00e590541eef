import type { Connector } from '../../../db/connector';
import { CANONICAL_STATUSES } from '../../schema';
import { resultRows } from '../stage/result-rows';
import { createMappingTables } from '../vocabulary/mapping-tables';
import type { MappingKind } from './user-mappings';

/**
 * What an unknown value can be mapped to: every known force, inspection and status, by its id;
 * and every recommendation to forces, by "inspection|number" (a reference maps within its inspection).
 */
export interface MappingChoice {
  id: string;
  /** The force's name, the inspection's title, "Recommendation 2: …"; for a status, its id (the view words it). */
  name: string;
}

export type MappingChoices = Record<MappingKind, MappingChoice[]> & {
  /** Every status word read, by itself, to its status: what a suggested word means. */
  statusOfWord: Record<string, string>;
};

export async function mappingChoices(db: Connector): Promise<MappingChoices> {
  await createMappingTables(db);
  return {
    force: resultRows<MappingChoice>(await db.query('SELECT force_id AS id, name FROM forces ORDER BY name')),
    inspection: resultRows<MappingChoice>(await db.query('SELECT inspection_id AS id, title AS name FROM inspections ORDER BY title')),
    status: CANONICAL_STATUSES.map((status) => ({ id: status, name: status })),
    recommendation: resultRows<MappingChoice>(await db.query(
      `SELECT format('{}|{}', inspection_id, rec_no) AS id,
              format('Recommendation {}', rec_no) || coalesce(': ' || CASE WHEN length(text) > 70 THEN left(text, 69) || '…' ELSE text END, '') AS name
       FROM recommendations WHERE for_forces ORDER BY inspection_id, rec_no`)),
    statusOfWord: Object.fromEntries(resultRows<{ word: string; status: string }>(
      await db.query('SELECT word, status FROM ingest_status_words')).map((row) => [row.word, row.status])),
  };
}

/**
 * The id a problem's "did you mean" stands for: a force's name, an inspection's id, a status word;
 * for a recommendation, the problem's detail ("inspection|number read|numbers|likeliest").
 */
export function suggestedMeaning(choices: MappingChoices, kind: MappingKind, suggestion: string | null): string | null {
  if (!suggestion) return null;
  if (kind === 'status') return choices.statusOfWord[suggestion] ?? null;
  if (kind === 'recommendation') {
    const [inspection, , , likely] = suggestion.split('|');
    return likely ? `${inspection}|${likely}` : null;
  }
  return choices[kind].find((choice) => choice.id === suggestion || choice.name === suggestion)?.id ?? null;
}

/** A recommendation's meaning is its number, within `inspection`. */
export function isKnownMeaning(choices: MappingChoices, kind: MappingKind, meaning: string, inspection?: string | null): boolean {
  const id = kind === 'recommendation' ? `${inspection ?? ''}|${meaning}` : meaning;
  return choices[kind].some((choice) => choice.id === id);
}

/** The recommendations a reference within `inspection` can mean, by number. */
export function recommendationChoices(choices: MappingChoices, inspection: string): MappingChoice[] {
  const prefix = `${inspection}|`;
  return choices.recommendation.filter((c) => c.id.startsWith(prefix)).map((c) => ({ id: c.id.slice(prefix.length), name: c.name }));
}
