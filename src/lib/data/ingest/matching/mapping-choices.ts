import type { Connector } from '../../../db/connector';
import { CANONICAL_STATUSES } from '../../schema';
import { resultRows } from '../stage/result-rows';
import { createMappingTables } from '../vocabulary/mapping-tables';
import type { MappingKind } from './user-mappings';

/** What an unknown value can be mapped to: every known force, inspection and status, by its id. */
export interface MappingChoice {
  id: string;
  /** The force's name, the inspection's title; for a status, its id (the view words it). */
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
    statusOfWord: Object.fromEntries(resultRows<{ word: string; status: string }>(
      await db.query('SELECT word, status FROM ingest_status_words')).map((row) => [row.word, row.status])),
  };
}

/** The id a problem's "did you mean" stands for: a force's name, an inspection's id, a status word. */
export function suggestedMeaning(choices: MappingChoices, kind: MappingKind, suggestion: string | null): string | null {
  if (!suggestion) return null;
  if (kind === 'status') return choices.statusOfWord[suggestion] ?? null;
  return choices[kind].find((choice) => choice.id === suggestion || choice.name === suggestion)?.id ?? null;
}

export function isKnownMeaning(choices: MappingChoices, kind: MappingKind, meaning: string): boolean {
  return choices[kind].some((choice) => choice.id === meaning);
}
