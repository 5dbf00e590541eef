/**
 * The body of a ```chart or ```params block: JSON, or a small YAML-like form that analysts write by
 * hand — `key: value` lines, `# comments`, `[a, b]` lists and one level of indented sub-keys.
 */
export type OptionScalar = string | number | boolean | null;
export type OptionValue = OptionScalar | OptionScalar[] | { [key: string]: OptionScalar | OptionScalar[] };
export type BlockOptions = Record<string, OptionValue>;

export interface OptionsProblem {
  /** Line within the block, from 1. */
  line: number;
  message: string;
}

export function parseBlockOptions(text: string): { options: BlockOptions; problems: OptionsProblem[] } {
  if (text.trim().startsWith('{')) return parseJsonOptions(text);
  const options: BlockOptions = {};
  const problems: OptionsProblem[] = [];
  let parent: { [key: string]: OptionScalar | OptionScalar[] } | null = null;

  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const content = stripComment(raw);
    if (content.trim() === '') return;
    const indented = /^\s+/.test(content);
    const match = /^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*:(.*)$/.exec(content);
    if (!match) {
      problems.push({ line, message: `expected "key: value", found "${raw.trim()}"` });
      return;
    }
    const key = match[1]!;
    const rest = match[2]!.trim();
    if (indented) {
      if (!parent) problems.push({ line, message: `"${key}" is indented but belongs to no key above it` });
      else parent[key] = parseValue(rest);
      return;
    }
    if (key in options) problems.push({ line, message: `"${key}" is given twice` });
    if (rest === '') {
      parent = {};
      options[key] = parent;
    } else {
      parent = null;
      options[key] = parseValue(rest);
    }
  });
  return { options, problems };
}

function parseJsonOptions(text: string): { options: BlockOptions; problems: OptionsProblem[] } {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { options: parsed as BlockOptions, problems: [] };
    return { options: {}, problems: [{ line: 1, message: 'the JSON must be an object: { "mark": "bar", … }' }] };
  } catch (cause) {
    return { options: {}, problems: [{ line: 1, message: `not valid JSON: ${(cause as Error).message}` }] };
  }
}

/** Drops a `# comment` that is not inside quotes. */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}

function parseValue(text: string): OptionScalar | OptionScalar[] {
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1).trim();
    return inner === '' ? [] : splitList(inner).map((item) => parseScalar(item.trim()));
  }
  return parseScalar(text);
}

function parseScalar(text: string): OptionScalar {
  if (/^"(?:[^"\\]|\\.)*"$/.test(text)) return JSON.parse(text) as string;
  if (/^'.*'$/.test(text)) return text.slice(1, -1).replaceAll("''", "'");
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null' || text === '~') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** Splits `a, "b, c", d` on the commas outside quotes. */
function splitList(text: string): string[] {
  const items: string[] = [];
  let quote: string | null = null;
  let current = '';
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = null;
      current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      current += c;
    } else if (c === ',') {
      items.push(current);
      current = '';
    } else current += c;
  }
  items.push(current);
  return items;
}
