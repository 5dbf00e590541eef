/**
 * The tile map's layout: one equal tile per force on a grid, roughly geographic (north at the top,
 * Wales in the west column, London in the south-east), each region's tiles touching. No layout for
 * police force areas is published; this one is ours. Columns run west → east, rows north → south.
 *
 *        0    1    2    3    4    5    6    7
 *   0                   NBR
 *   1              CUM  DUR  CLE
 *   2              LAN  NYK  HUM
 *   3         MER  GMP  WYK  SYK
 *   4    NWA  CHE  STA  DER  NOT  LIN  NFK
 *   5    DYP  WMC  WMP  WAR  LEI  NTH  CAM  SFK
 *   6    SWA  GWE  GLO  TVP  BED  HRT  ESX
 *   7         A&S  WIL  HAM  SUR  MET  CoL
 *   8         D&C  DOR            SSX  KNT
 *
 * The abbreviations are the tiles' labels, defined here once.
 */
export interface ForceTile {
  force_id: string;
  abbreviation: string;
  col: number;
  row: number;
}

export const FORCE_TILES: readonly ForceTile[] = [
  { force_id: 'northumbria', abbreviation: 'NBR', col: 3, row: 0 },
  { force_id: 'cumbria', abbreviation: 'CUM', col: 2, row: 1 },
  { force_id: 'durham', abbreviation: 'DUR', col: 3, row: 1 },
  { force_id: 'cleveland', abbreviation: 'CLE', col: 4, row: 1 },
  { force_id: 'lancashire', abbreviation: 'LAN', col: 2, row: 2 },
  { force_id: 'north-yorkshire', abbreviation: 'NYK', col: 3, row: 2 },
  { force_id: 'humberside', abbreviation: 'HUM', col: 4, row: 2 },
  { force_id: 'merseyside', abbreviation: 'MER', col: 1, row: 3 },
  { force_id: 'greater-manchester', abbreviation: 'GMP', col: 2, row: 3 },
  { force_id: 'west-yorkshire', abbreviation: 'WYK', col: 3, row: 3 },
  { force_id: 'south-yorkshire', abbreviation: 'SYK', col: 4, row: 3 },
  { force_id: 'north-wales', abbreviation: 'NWA', col: 0, row: 4 },
  { force_id: 'cheshire', abbreviation: 'CHE', col: 1, row: 4 },
  { force_id: 'staffordshire', abbreviation: 'STA', col: 2, row: 4 },
  { force_id: 'derbyshire', abbreviation: 'DER', col: 3, row: 4 },
  { force_id: 'nottinghamshire', abbreviation: 'NOT', col: 4, row: 4 },
  { force_id: 'lincolnshire', abbreviation: 'LIN', col: 5, row: 4 },
  { force_id: 'norfolk', abbreviation: 'NFK', col: 6, row: 4 },
  { force_id: 'dyfed-powys', abbreviation: 'DYP', col: 0, row: 5 },
  { force_id: 'west-mercia', abbreviation: 'WMC', col: 1, row: 5 },
  { force_id: 'west-midlands', abbreviation: 'WMP', col: 2, row: 5 },
  { force_id: 'warwickshire', abbreviation: 'WAR', col: 3, row: 5 },
  { force_id: 'leicestershire', abbreviation: 'LEI', col: 4, row: 5 },
  { force_id: 'northamptonshire', abbreviation: 'NTH', col: 5, row: 5 },
  { force_id: 'cambridgeshire', abbreviation: 'CAM', col: 6, row: 5 },
  { force_id: 'suffolk', abbreviation: 'SFK', col: 7, row: 5 },
  { force_id: 'south-wales', abbreviation: 'SWA', col: 0, row: 6 },
  { force_id: 'gwent', abbreviation: 'GWE', col: 1, row: 6 },
  { force_id: 'gloucestershire', abbreviation: 'GLO', col: 2, row: 6 },
  { force_id: 'thames-valley', abbreviation: 'TVP', col: 3, row: 6 },
  { force_id: 'bedfordshire', abbreviation: 'BED', col: 4, row: 6 },
  { force_id: 'hertfordshire', abbreviation: 'HRT', col: 5, row: 6 },
  { force_id: 'essex', abbreviation: 'ESX', col: 6, row: 6 },
  { force_id: 'avon-and-somerset', abbreviation: 'A&S', col: 1, row: 7 },
  { force_id: 'wiltshire', abbreviation: 'WIL', col: 2, row: 7 },
  { force_id: 'hampshire', abbreviation: 'HAM', col: 3, row: 7 },
  { force_id: 'surrey', abbreviation: 'SUR', col: 4, row: 7 },
  { force_id: 'metropolitan', abbreviation: 'MET', col: 5, row: 7 },
  { force_id: 'city-of-london', abbreviation: 'CoL', col: 6, row: 7 },
  { force_id: 'devon-and-cornwall', abbreviation: 'D&C', col: 1, row: 8 },
  { force_id: 'dorset', abbreviation: 'DOR', col: 2, row: 8 },
  { force_id: 'sussex', abbreviation: 'SSX', col: 5, row: 8 },
  { force_id: 'kent', abbreviation: 'KNT', col: 6, row: 8 },
];

export const TILE_COLUMNS = 1 + Math.max(...FORCE_TILES.map((tile) => tile.col));
export const TILE_ROWS = 1 + Math.max(...FORCE_TILES.map((tile) => tile.row));

const byForce = new Map(FORCE_TILES.map((tile) => [tile.force_id, tile]));

/** The tile of a force, or undefined for a force the layout does not know (a user's own list). */
export function forceTile(forceId: string): ForceTile | undefined {
  return byForce.get(forceId);
}
