import { describe, expect, it } from 'vitest';
import { contentKey } from '../../../src/lib/query/content-key';

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
});
