import type { Connector } from '../../db/connector';
import { resultRows } from '../ingest/stage/result-rows';
import type { ReadingReference } from './structure/reading-reference';

/** The loaded forces, inspections and recommendations, for the reader (including the user's own). */
export async function readingReference(db: Connector): Promise<ReadingReference> {
  const [forces, inspections, recommendations] = await Promise.all([
    db.query(`SELECT force_id, name, array_to_string(aliases, chr(31)) AS aliases FROM forces ORDER BY name`),
    db.query(`SELECT inspection_id, title, strftime(published, '%Y-%m-%d') AS published, source_url FROM inspections ORDER BY published DESC`),
    db.query(`SELECT inspection_id, rec_no::INTEGER AS rec_no, text, addressee, for_forces, due_text FROM recommendations ORDER BY inspection_id, rec_no`),
  ]);
  return {
    forces: resultRows<{ force_id: string; name: string; aliases: string | null }>(forces)
      .map((f) => ({ force_id: f.force_id, name: f.name, aliases: f.aliases ? f.aliases.split('\u001f') : [] })),
    inspections: resultRows<ReadingReference['inspections'][number]>(inspections),
    recommendations: resultRows<ReadingReference['recommendations'][number]>(recommendations),
  };
}
