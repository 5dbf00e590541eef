import type { ForceCompliance } from '../../metrics/national/national.sql';
import { DEFINITIONS } from '../../metrics/common/definitions';

/** The measures the tile map can colour forces by; each is a column of the force rows. */
export const TILE_MEASURES = [
  { id: 'compliance', label: 'Compliance rate', column: 'rate', format: 'percent', definition: DEFINITIONS.complianceRate },
  { id: 'overdue', label: 'Overdue items', column: 'overdue', format: 'integer', definition: DEFINITIONS.overdue },
  { id: 'pending', label: 'Share pending closure', column: 'pending_share', format: 'percent', definition: DEFINITIONS.pendingShare },
] as const satisfies readonly {
  id: string; label: string; column: keyof ForceCompliance; format: 'percent' | 'integer'; definition: string;
}[];

export type TileMeasure = (typeof TILE_MEASURES)[number]['id'];
export type TileMeasureInfo = (typeof TILE_MEASURES)[number];

export function tileMeasure(id: TileMeasure): TileMeasureInfo {
  return TILE_MEASURES.find((measure) => measure.id === id)!;
}

export function isTileMeasure(value: string | null): value is TileMeasure {
  return TILE_MEASURES.some((measure) => measure.id === value);
}
