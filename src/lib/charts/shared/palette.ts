import type { PairStatus } from '../../data/schema';

/**
 * The one home of the app's colours. Statuses use the UK Government Analysis Function
 * categorical colours, chosen so that neighbours differ in lightness as well as hue; charts
 * also label and order statuses, so colour is never the only cue.
 */
export const STATUS_ORDER: readonly PairStatus[] = [
  'complete',
  'pending_closure',
  'in_progress',
  'not_started',
  'no_update',
  'superseded',
  'not_applicable',
];

export const STATUS_COLOURS: Record<PairStatus, string> = {
  complete: '#12436D',
  pending_closure: '#28A197',
  in_progress: '#F46A25',
  not_started: '#801650',
  no_update: '#BFBFBF',
  superseded: '#3D3D3D',
  not_applicable: '#A285D1',
};

export const STATUS_LABELS: Record<PairStatus, string> = {
  complete: 'Complete',
  pending_closure: 'Pending closure',
  in_progress: 'In progress',
  not_started: 'Not started',
  no_update: 'No update yet',
  superseded: 'Superseded',
  not_applicable: 'Not applicable',
};

/** The ten regions, north to south, England then Wales: the order every chart lists them in. */
export const REGION_ORDER = [
  'North East',
  'North West',
  'Yorkshire and the Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
  'Wales',
] as const;

/** Ten distinguishable colours for the regions (Observable's "observable10"). */
export const REGION_COLOURS: readonly string[] = [
  '#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951',
  '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0',
];

export const MEDIAN_COLOUR = '#0b0c0c';

/**
 * Benchmarking one force, as HMICFRS's own dashboards do: the force dark blue, its peers light
 * blue, every other force grey; a second force being compared in orange.
 */
export const BENCHMARK_COLOURS = {
  force: '#12436D',
  compare: '#F46A25',
  peer: '#6BACE6',
  other: '#BFBFBF',
} as const;

/** Outline of benchmark columns and markers, so light fills keep a 3:1 edge against white. */
export const DOT_OUTLINE = '#505a5f';

/** Deadlines drawn on charts. */
export const DEADLINE_COLOUR = '#d4351c';

/** Text drawn on a status colour: white on the dark fills, black on the light ones (both ≥ 4.5:1). */
export const STATUS_TEXT_COLOURS: Record<PairStatus, string> = {
  complete: 'white',
  pending_closure: 'black',
  in_progress: 'black',
  not_started: 'white',
  no_update: 'black',
  superseded: 'white',
  not_applicable: 'black',
};

/**
 * Sequential blues of the UK Government Analysis Function, low → high (light → dark): the tile
 * map's rates and counts.
 */
export const SEQUENTIAL_BLUES = ['#6BACE6', '#2073BC', '#12436D'] as const;

/** A tile with nothing in view: no colour to read, so a pale neutral. */
export const NO_DATA_FILL = '#f3f2f1';

/** Outline of the selected force or region wherever it is highlighted. */
export const HIGHLIGHT_OUTLINE = '#0b0c0c';

/** The series of the trend charts; each is also labelled and dashed differently. */
export const TREND_COLOURS = {
  nation: '#12436D',
  region: '#F46A25',
  force: '#801650',
  /** England and Wales drawn behind each region's own line. */
  context: '#8a8f93',
} as const;

/** Reports published, drawn on trend charts. */
export const PUBLICATION_COLOUR = '#505a5f';

/** The red, green and blue (0–255) of "#rrggbb" or "rgb(r, g, b)", as Plot's scales return them. */
function channels(colour: string): [number, number, number] {
  if (colour === 'white') return [255, 255, 255];
  if (colour === 'black') return [0, 0, 0];
  const rgb = colour.match(/^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance. */
function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever contrasts more with `fill`: always at least 4.5:1. */
export function inkOn(fill: string): 'black' | 'white' {
  const l = luminance(fill);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? 'black' : 'white';
}

/** A figure that rose, fell or stayed between two dates (dark blue and orange differ in lightness too). */
export const CHANGE_COLOURS = { up: '#12436D', down: '#F46A25', same: '#505a5f' } as const;
