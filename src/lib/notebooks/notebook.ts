import type { ChartBlockOptions } from './chart-block';

/** A notebook as read from its markdown (notebooks/README.md describes the format). */
export interface Notebook {
  /** From the file name: "overdue-by-recommendation.md" → "overdue-by-recommendation". */
  id: string;
  fileName: string;
  /** The first `# heading`, or the file name. */
  title: string;
  source: string;
  blocks: NotebookBlock[];
  parameters: NotebookParameter[];
  /** Mistakes in the notebook itself; a notebook with problems does not run. */
  problems: NotebookProblem[];
}

export type NotebookBlock = ProseBlock | SqlBlock | ChartBlock;

export interface ProseBlock {
  kind: 'prose';
  markdown: string;
  line: number;
}

export interface SqlBlock {
  kind: 'sql';
  /** `name=…` in the fence; later blocks may refer to it as a table. */
  name: string | null;
  sql: string;
  /** `hidden`: runs (e.g. feeds a chart or a parameter's choices) but its table is not shown. */
  hidden: boolean;
  /** `allow-empty`: no rows is a fine answer (otherwise the CI test fails on an empty result). */
  allowEmpty: boolean;
  /** Line of the opening fence, from 1. */
  line: number;
}

export interface ChartBlock {
  kind: 'chart';
  /** `name=…` in the fence, or chart-1, chart-2… */
  name: string;
  options: ChartBlockOptions;
  line: number;
}

/** A value the notebook asks the reader for, e.g. the force to compare; bound as `$name` (VARCHAR). */
export interface NotebookParameter {
  name: string;
  label: string;
  default: string;
  /** A named sql block whose first column holds the choices (and second, if any, their labels). */
  options: string | null;
}

export interface NotebookProblem {
  line: number;
  message: string;
}
