import { describe, expect, it } from 'vitest';
import { embedCode, embedUrl } from '../../../src/lib/charts/export/embed-code';
import { fileStem } from '../../../src/lib/charts/export/download';

describe('embed code', () => {
  it('keeps the state and names the chart', () => {
    expect(embedUrl('https://example.org/oversight/?asof=2025-06-30&region=Wales#x', 'force-ranking')).toBe(
      'https://example.org/oversight/?asof=2025-06-30&region=Wales&embed=force-ranking',
    );
  });

  it('is an iframe with an escaped title attribute', () => {
    expect(embedCode('https://example.org/', 'mix', 'Status "mix" & more', 420)).toBe(
      '<iframe src="https://example.org/?embed=mix" title="Status &quot;mix&quot; &amp; more" width="100%" height="420" style="border:0" loading="lazy"></iframe>',
    );
  });

  it('names files after the chart and the date', () => {
    expect(fileStem('Each force’s compliance rate within its region', '2025-06-30')).toBe(
      'each-force-s-compliance-rate-within-its-region-2025-06-30',
    );
  });
});
