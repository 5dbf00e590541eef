import type { PlotOptions } from '@observablehq/plot';

/** A table alternative: the same data as the chart, with proper column headers. */
export interface ChartTable {
  columns: readonly { key: string; label: string; format?: 'percent' | 'integer' | 'text' }[];
  rows: readonly Record<string, string | number | null>[];
}

/** Everything a chart frame shows: a chart is a function from query results to one of these. */
export interface ChartSpec {
  id: string;
  title: string;
  /** The as-of date of the data shown (ISO), for file names. */
  asOf?: string;
  /** States the as-of date and the filters in words. */
  subtitle: string;
  source: string;
  /** Sentences shown under the chart, before the source (caveats, definitions). */
  notes?: readonly string[];
  plot: PlotOptions;
  /** The narrowest width (px) the chart reads at: on a narrower screen it scrolls inside its frame, not the page. */
  minWidth?: number;
  table: ChartTable;
}

/** Words shared by every chart's subtitle and source line. */
export interface ChartContext {
  asOf: string;
  /** "All of England and Wales" or a region, and the inspections chosen. */
  scope: string;
  pendingCountsAsComplete: boolean;
  /** E.g. "HMICFRS reports; statuses: Illustrative statuses, PCC responses". */
  source: string;
  /** A region and a force shown among all the others, marked out rather than filtered. */
  highlight?: ChartHighlight;
}

export interface ChartHighlight {
  region: string | null;
  force: { id: string; name: string; region: string } | null;
}
