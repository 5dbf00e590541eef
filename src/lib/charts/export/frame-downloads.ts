import type { ChartSpec } from '../shared/chart-spec';
import { toCsv } from '../../data/export/csv-text';
import { frameSvg, serialiseSvg } from './frame-svg';
import { svgToPng } from './png-export';
import { downloadBlob, fileStem } from './download';
import { embedCode } from './embed-code';

/**
 * What a chart frame's action buttons do, in one module that the frame imports when a button is
 * first used, so that the first view downloads none of it. Every export is built from the spec,
 * not from the drawing on the page, so a chart not drawn yet (far below the screen) exports its
 * current figures all the same.
 */

/** Behind its table the chart measures 0 wide: export at a readable width instead. */
const exportWidth = (width: number) => (width > 0 ? width : 720);

function exportedSvg(spec: ChartSpec, width: number): { text: string; width: number; height: number } {
  const svg = frameSvg(spec, exportWidth(width));
  return { text: serialiseSvg(svg), width: exportWidth(width), height: Number(svg.getAttribute('height')) };
}

const stem = (spec: ChartSpec) => fileStem(spec.title, spec.asOf ?? 'current');

export function downloadSvg(spec: ChartSpec, width: number): void {
  downloadBlob(new Blob([exportedSvg(spec, width).text], { type: 'image/svg+xml' }), `${stem(spec)}.svg`);
}

export async function downloadPng(spec: ChartSpec, width: number): Promise<void> {
  const svg = exportedSvg(spec, width);
  downloadBlob(await svgToPng(svg.text, svg.width, svg.height, 2), `${stem(spec)}.png`);
}

export function downloadCsv(spec: ChartSpec): void {
  const csv = toCsv(spec.table.rows, spec.table.columns);
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${stem(spec)}.csv`);
}

/** The iframe snippet that shows this chart alone, in the state of `pageUrl`. */
export function embedSnippet(spec: ChartSpec, pageUrl: string): string {
  return embedCode(pageUrl, spec.id, spec.title, Number(spec.plot.height ?? 400) + 170);
}
