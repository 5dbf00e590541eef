import { describe, expect, it } from 'vitest';
import { contentKey, sameContent } from '../../../src/lib/query/content-key';

describe('contentKey', () => {
  it('is the same for the same rows and differs for different ones', () => {
    expect(contentKey([{ a: 1, b: 'x' }])).toBe(contentKey([{ a: 1, b: 'x' }]));
    expect(contentKey([{ a: 1 }])).not.toBe(contentKey([{ a: 2 }]));
    expect(contentKey(undefined)).toBe('undefined');
  });

  it('keeps a bigint apart from the number of the same value, wherever it sits', () => {
    expect(contentKey([{ n: 5n }])).not.toBe(contentKey([{ n: 5 }]));
    expect(contentKey([{ n: 5 }, { n: 6n }])).toBe(contentKey([{ n: 5 }, { n: 6n }]));
    expect(contentKey([{ n: 5 }, { n: 6n }])).not.toBe(contentKey([{ n: 5 }, { n: 6 }]));
  });

  it('sameContent says what the keys say, compared in place', () => {
    const rows = () => [{ force: 'a', n: 1, date: '2024-01-31', list: [1, 2], none: null }, { force: 'b', n: 2, date: null, list: [], none: null }];
    expect(sameContent(rows(), rows())).toBe(true);
    expect(sameContent({ total: 2, items: rows() }, { total: 2, items: rows() })).toBe(true);
    const changed = rows();
    changed[1]!.n = 3;
    expect(sameContent(rows(), changed)).toBe(false);
    expect(sameContent(rows(), rows().slice(1))).toBe(false);
    expect(sameContent([{ n: 5n }], [{ n: 5 }])).toBe(false);
    expect(sameContent([{ n: 5n }], [{ n: 5n }])).toBe(true);
    expect(sameContent({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameContent({ a: 1, b: 2 }, { b: 2, c: 1 })).toBe(false);
    expect(sameContent([1], { 0: 1 })).toBe(false);
    expect(sameContent(null, undefined)).toBe(false);
    expect(sameContent(new Date(0), new Date(0))).toBe(true);
    expect(sameContent(new Date(0), new Date(1))).toBe(false);
  });
});
