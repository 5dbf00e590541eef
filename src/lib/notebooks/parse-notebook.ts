import { Lexer, type Token } from 'marked';
import { CREATE_TABLES } from '../data/schema';
import { parseBlockOptions, type BlockOptions } from './block-options';
import { parseChartOptions } from './chart-block';
import type { Notebook, NotebookBlock, NotebookParameter, NotebookProblem } from './notebook';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names a block may not take: it would hide the table of that name from later blocks. */
const TABLE_NAMES = new Set(CREATE_TABLES.map((ddl) => /TABLE\s+(\w+)/i.exec(ddl)![1]!.toLowerCase()));
/** Parameters that come from the filters; a notebook cannot redefine them. */
export const FILTER_PARAMETER_NAMES = ['as_of', 'region', 'inspections', 'pending'] as const;

/**
 * Reads a notebook: markdown prose with fenced ```sql, ```chart and ```params blocks. Every mistake
 * is collected with its line, so the author sees all of them at once.
 */
export function parseNotebook(fileName: string, source: string): Notebook {
  const text = source.replace(/\r\n?/g, '\n');
  const tokens = new Lexer({ gfm: true }).lex(text);
  const blocks: NotebookBlock[] = [];
  const problems: NotebookProblem[] = [];
  let parameters: NotebookParameter[] = [];
  let prose: { markdown: string; line: number } | null = null;
  let title: string | null = null;
  let line = 1;
  let charts = 0;

  const flushProse = () => {
    if (prose && prose.markdown.trim() !== '') blocks.push({ kind: 'prose', markdown: prose.markdown, line: prose.line });
    prose = null;
  };

  for (const token of tokens) {
    const fence = token.type === 'code' && token.codeBlockStyle !== 'indented' ? parseInfo(token.lang ?? '') : null;
    if (token.type === 'heading' && token.depth === 1 && title === null) title = token.text;

    if (fence && fence.language === 'sql') {
      flushProse();
      const name = fence.attributes.get('name') ?? null;
      if (name !== null) checkName(name, line, blocks, problems);
      for (const key of fence.attributes.keys()) {
        if (!['name', 'hidden', 'allow-empty'].includes(key)) problems.push({ line, message: `unknown sql block setting "${key}" (name=…, hidden, allow-empty)` });
      }
      blocks.push({ kind: 'sql', name, sql: codeText(token), hidden: fence.attributes.has('hidden'), allowEmpty: fence.attributes.has('allow-empty'), line });
    } else if (fence && fence.language === 'chart') {
      flushProse();
      charts += 1;
      const name = fence.attributes.get('name') ?? `chart-${charts}`;
      const parsed = parseBlockOptions(codeText(token));
      const chart = parseChartOptions(parsed.options);
      const problemsHere = [...parsed.problems, ...chart.problems];
      for (const problem of problemsHere) problems.push({ line: line + problem.line, message: `chart ${name}: ${problem.message}` });
      if (chart.options) {
        const source = chart.options.from ?? lastSqlBlock(blocks)?.name ?? null;
        if (source === null) problems.push({ line, message: `chart ${name}: "from" must name an sql block above it` });
        else if (!namedSqlBlock(blocks, source)) problems.push({ line, message: `chart ${name}: from "${source}", but no sql block above has name=${source}` });
        blocks.push({ kind: 'chart', name, options: { ...chart.options, from: source }, line });
      }
    } else if (fence && fence.language === 'params') {
      flushProse();
      if (parameters.length > 0) problems.push({ line, message: 'a notebook has one params block' });
      const parsed = parseBlockOptions(codeText(token));
      for (const problem of parsed.problems) problems.push({ line: line + problem.line, message: `params: ${problem.message}` });
      parameters = readParameters(parsed.options, line, problems);
    } else if (prose || token.type !== 'space') {
      prose ??= { markdown: '', line };
      prose.markdown += token.raw;
    }
    line += countLines(token.raw);
  }
  flushProse();

  for (const parameter of parameters) {
    if (parameter.options !== null && !namedSqlBlock(blocks, parameter.options)) {
      problems.push({ line: 1, message: `params: ${parameter.name} takes its choices from "${parameter.options}", but no sql block has that name` });
    }
  }
  const id = fileName.replace(/\.md$/i, '');
  return { id, fileName, title: title ?? id, source, blocks, parameters, problems };
}

/** "sql name=overdue hidden" → language sql, attributes { name: overdue, hidden: '' }. */
function parseInfo(info: string): { language: string; attributes: Map<string, string> } {
  const [language = '', ...rest] = info.trim().split(/\s+/);
  const attributes = new Map<string, string>();
  for (const part of rest) {
    const [key = '', ...value] = part.split('=');
    attributes.set(key, value.join('=').replace(/^["']|["']$/g, ''));
  }
  return { language: language.toLowerCase(), attributes };
}

function checkName(name: string, line: number, blocks: readonly NotebookBlock[], problems: NotebookProblem[]): void {
  if (!NAME.test(name)) problems.push({ line, message: `"${name}" cannot name a block: use letters, digits and _ (e.g. overdue_by_rec)` });
  else if (TABLE_NAMES.has(name.toLowerCase())) problems.push({ line, message: `"${name}" is a table's name; choose another name for the block` });
  else if (namedSqlBlock(blocks, name)) problems.push({ line, message: `two sql blocks are named "${name}"` });
}

function readParameters(options: BlockOptions, line: number, problems: NotebookProblem[]): NotebookParameter[] {
  const parameters: NotebookParameter[] = [];
  for (const [name, value] of Object.entries(options)) {
    if (!NAME.test(name)) {
      problems.push({ line, message: `params: "${name}" cannot be a parameter name (letters, digits and _)` });
      continue;
    }
    if ((FILTER_PARAMETER_NAMES as readonly string[]).includes(name)) {
      problems.push({ line, message: `params: $${name} comes from the filters and cannot be redefined` });
      continue;
    }
    const settings = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : { default: value };
    const fallback = settings.default;
    if (fallback === undefined || fallback === null || typeof fallback === 'object') {
      problems.push({ line, message: `params: ${name} needs a default value` });
      continue;
    }
    parameters.push({
      name,
      label: typeof settings.label === 'string' ? settings.label : name,
      default: String(fallback),
      options: typeof settings.options === 'string' ? settings.options : null,
    });
  }
  return parameters;
}

function lastSqlBlock(blocks: readonly NotebookBlock[]) {
  return [...blocks].reverse().find((block) => block.kind === 'sql');
}

function namedSqlBlock(blocks: readonly NotebookBlock[], name: string) {
  return blocks.find((block) => block.kind === 'sql' && block.name?.toLowerCase() === name.toLowerCase());
}

/** The code of a fenced block exactly as written (marked's `text` drops the fence). */
function codeText(token: Token): string {
  return token.type === 'code' ? token.text : '';
}

function countLines(raw: string): number {
  return raw.split('\n').length - 1;
}
