import { describe, expect, it } from 'vitest';
import { choosePublishedDataset } from '../../../src/lib/data/published-dataset';
import { parseDate, parseInvocation, UsageError } from '../../../cli/args';

describe('choosing a published dataset', () => {
  const page = 'https://intranet.example/oversight/?view=force&data=';

  it('opens a database beside the app, under a sub-path too, with its first view next to it', () => {
    expect(choosePublishedDataset(`${page}dataset/oversight.duckdb`, null)).toEqual({
      dataset: {
        database: 'https://intranet.example/oversight/dataset/oversight.duckdb',
        snapshot: 'https://intranet.example/oversight/dataset/first-view.json',
      },
    });
    expect(choosePublishedDataset('https://intranet.example/oversight/', 'dataset/oversight.duckdb'))
      .toEqual(choosePublishedDataset(`${page}dataset/oversight.duckdb`, null));
  });

  it('prefers the address over the page, and opens nothing when neither names one', () => {
    const chosen = choosePublishedDataset(`${page}2025/oversight.duckdb`, 'dataset/oversight.duckdb');
    expect(chosen && 'dataset' in chosen && chosen.dataset.database).toBe('https://intranet.example/oversight/2025/oversight.duckdb');
    expect(choosePublishedDataset('https://intranet.example/oversight/', null)).toBeNull();
  });

  it('refuses other hosts, protocol-relative paths and files that are not databases, saying why', () => {
    for (const given of ['https://elsewhere.example/x.duckdb', '//elsewhere.example/x.duckdb', 'javascript:alert(1)']) {
      expect(choosePublishedDataset(`${page}${encodeURIComponent(given)}`, null)).toEqual({ error: expect.stringContaining('only a dataset beside the app') });
    }
    expect(choosePublishedDataset(`${page}dataset/statuses.parquet`, null)).toEqual({ error: expect.stringContaining('expected a file ending .duckdb') });
  });
});

describe('the command line\'s arguments', () => {
  it('reads dates day-first or ISO, and refuses impossible or month-first ones', () => {
    expect(parseDate('31/03/2025', '--as-of')).toBe('2025-03-31');
    expect(parseDate('1-4-2025', '--as-of')).toBe('2025-04-01');
    expect(parseDate('2025-03-31', '--as-of')).toBe('2025-03-31');
    expect(() => parseDate('03/31/2025', '--as-of')).toThrow(UsageError);
    expect(() => parseDate('31/02/2025', '--as-of')).toThrow('--as-of 31/02/2025 is not a date');
  });

  it('reads the figures options, and says what is missing', () => {
    expect(parseInvocation(['figures', 'a.csv', '--as-of', '31/03/2025', '--inspection', 'firearms-2023,cse-2023', '--pending', '--format', 'json']))
      .toMatchObject({ command: 'figures', files: ['a.csv'], asOf: '2025-03-31', inspections: ['firearms-2023', 'cse-2023'], pending: true, format: 'json' });
    expect(() => parseInvocation(['figures', 'a.csv'])).toThrow('figures needs --as-of');
    expect(() => parseInvocation(['check'])).toThrow('check needs at least one file');
    expect(() => parseInvocation(['figures', '--as-of', '2025-03-31', '--format', 'xlsx'])).toThrow('expected csv or json');
    expect(() => parseInvocation(['publish'])).toThrow('Unknown command "publish"');
  });
});
