import * as Plot from '@observablehq/plot';
import type { ChartSpec } from '../shared/chart-spec';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const PAD = 16;
const INK = '#0b0c0c';
const MUTED = '#505a5f';

/** Breaks text into lines that fit `width` at `fontSize`, by an average glyph width (no layout here). */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const perLine = Math.max(10, Math.floor(width / (fontSize * 0.56)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function element<K extends keyof SVGElementTagNameMap>(doc: Document, name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

function textBlock(doc: Document, lines: string[], y: number, size: number, fill: string, weight = 'normal'): { node: SVGTextElement; height: number } {
  const node = element(doc, 'text', { x: PAD, y, 'font-size': size, fill, 'font-weight': weight });
  lines.forEach((line, i) => {
    const span = element(doc, 'tspan', { x: PAD, dy: i === 0 ? 0 : size * 1.3 });
    span.textContent = line;
    node.append(span);
  });
  return { node, height: lines.length * size * 1.3 };
}

/** Categorical swatches drawn in SVG (Plot's own swatches are HTML, which an SVG file cannot hold). */
function swatches(doc: Document, domain: readonly unknown[], range: readonly string[], width: number): { node: SVGGElement; height: number } {
  const group = element(doc, 'g', { 'font-size': 12, fill: INK });
  let x = PAD;
  let y = 0;
  domain.forEach((value, i) => {
    const label = String(value);
    const itemWidth = 22 + label.length * 12 * 0.56 + 14;
    if (x + itemWidth > width - PAD && x > PAD) {
      x = PAD;
      y += 20;
    }
    group.append(element(doc, 'rect', { x, y, width: 14, height: 14, fill: range[i % range.length] ?? '#999' }));
    const text = element(doc, 'text', { x: x + 20, y: y + 11 });
    text.textContent = label;
    group.append(text);
    x += itemWidth;
  });
  return { node: group, height: domain.length > 0 ? y + 20 : 0 };
}

/**
 * The whole chart frame as one standalone SVG: title, subtitle, legend, chart and source line,
 * so a report writer's file carries its own context.
 */
export function frameSvg(spec: ChartSpec, width: number, doc: Document = document): SVGSVGElement {
  const colour = spec.plot.color ?? {};
  const plotted = Plot.plot({ ...spec.plot, width, color: { ...colour, legend: false }, document: doc }) as SVGSVGElement & {
    scale(name: 'color'): { type: string; domain: unknown[]; range?: string[] } | undefined;
  };
  const root = element(doc, 'svg', { 'font-family': FONT });
  const parts: { node: SVGElement; height: number; gapAfter: number }[] = [];

  const title = textBlock(doc, wrapText(spec.title, width - 2 * PAD, 18), 0, 18, INK, 'bold');
  parts.push({ ...title, gapAfter: 4 });
  parts.push({ ...textBlock(doc, wrapText(spec.subtitle, width - 2 * PAD, 13), 0, 13, MUTED), gapAfter: 10 });

  const scale = colour.legend ? plotted.scale('color') : undefined;
  if (scale && scale.range && ['ordinal', 'categorical'].includes(scale.type)) {
    parts.push({ ...swatches(doc, scale.domain, scale.range, width), gapAfter: 8 });
  } else if (scale) {
    // Plot types `document` only on plot options; legends accept it too.
    // The scale Plot returns drops the spec's tick format: keep it, so the legend reads as on screen (0%–100%).
    const withFormat = colour.tickFormat === undefined ? scale : { ...scale, tickFormat: colour.tickFormat };
    const ramp = Plot.legend({ color: withFormat, document: doc } as unknown as Plot.LegendScales) as unknown as SVGSVGElement;
    ramp.setAttribute('x', String(PAD));
    parts.push({ node: ramp, height: Number(ramp.getAttribute('height') ?? 50), gapAfter: 8 });
  }

  const chartHeight = Number(plotted.getAttribute('height') ?? spec.plot.height ?? 400);
  parts.push({ node: plotted, height: chartHeight, gapAfter: 8 });
  const notes = [...(spec.notes ?? []), `Source: ${spec.source}`].join(' ');
  parts.push({ ...textBlock(doc, wrapText(notes, width - 2 * PAD, 12), 0, 12, MUTED), gapAfter: 0 });

  let y = PAD;
  for (const part of parts) {
    if (part.node.tagName === 'text') {
      // Text is placed by its baseline: one line's height below the top of its block.
      part.node.setAttribute('y', String(y + Number(part.node.getAttribute('font-size') ?? 12)));
    } else if (part.node.tagName === 'g') {
      part.node.setAttribute('transform', `translate(0,${y})`);
    } else {
      part.node.setAttribute('y', String(y));
    }
    root.append(part.node);
    y += part.height + part.gapAfter;
  }
  const height = Math.ceil(y + PAD);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const label = element(doc, 'title', {});
  label.textContent = `${spec.title}. ${spec.subtitle}`;
  root.prepend(label);
  root.prepend(element(doc, 'rect', { width: '100%', height: '100%', fill: 'white' }));
  return root;
}

export function serialiseSvg(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new (svg.ownerDocument.defaultView!.XMLSerializer)().serializeToString(svg)}`;
}
