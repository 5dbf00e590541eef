import { dueDateFrom } from '../../src/lib/data/due-date';
import { dayToIso, isoToDay } from './calendar-days';
import type { InspectionRow, RecommendationRow } from './reference-rows';

/**
 * Made-up inspections that only exist to reach benchmark sizes. Their ids, titles and wording say
 * so, and none of their text pretends to be a real recommendation.
 */

export const SYNTHETIC_KIND = 'synthetic';
export const SYNTHETIC_RECOMMENDATIONS_PER_INSPECTION = 10;

const FIRST_DAY = isoToDay('2019-01-01');
const SPAN_DAYS = isoToDay('2025-12-31') - FIRST_DAY + 1;
/** Fractional part of the golden ratio: successive multiples spread evenly over [0, 1) for any count. */
const GOLDEN_FRACTION = 0.6180339887498949;

/** Synthetic inspection number `index` (1-based); its date depends on the index alone, not on how many are made. */
export function syntheticInspection(index: number): InspectionRow {
  const position = (index * GOLDEN_FRACTION) % 1;
  return {
    inspection_id: `synthetic-${String(index).padStart(3, '0')}`,
    title: `Synthetic benchmark inspection ${index}`,
    published: dayToIso(FIRST_DAY + Math.floor(position * SPAN_DAYS)),
    kind: SYNTHETIC_KIND,
    source_url: '',
  };
}

const DUE_TEXT = 'Within six months';

/** The for-forces recommendations of a synthetic inspection, each due six months after publication. */
export function syntheticRecommendations(inspection: InspectionRow): RecommendationRow[] {
  // The app's own reading of the deadline, so due_date always agrees with due_text.
  const due = dueDateFrom(DUE_TEXT, inspection.published) ?? '';
  return Array.from({ length: SYNTHETIC_RECOMMENDATIONS_PER_INSPECTION }, (_, i) => ({
    inspection_id: inspection.inspection_id,
    rec_no: String(i + 1),
    text: 'Synthetic recommendation for benchmarking (no real wording)',
    addressee: 'All chief constables',
    for_forces: 'true',
    due_text: DUE_TEXT,
    due_date: due,
    source_url: '',
  }));
}
