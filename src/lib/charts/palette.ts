import type { PairStatus } from '../data/schema';

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
