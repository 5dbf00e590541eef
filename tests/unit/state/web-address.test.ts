import { describe, expect, it } from 'vitest';
import { webAddress } from '../../../src/lib/data/web-address';

// Issue 15: addresses in a user's inspections or responses file were rendered as live links whatever their scheme.
describe('links from data files', () => {
  it.each([
    ['https://www.justiceinspectorates.gov.uk/hmicfrs/report.pdf', 'https://www.justiceinspectorates.gov.uk/hmicfrs/report.pdf'],
    ['  http://example.org/response  ', 'http://example.org/response'],
  ])('keeps the web address %j', (text, link) => {
    expect(webAddress(text)).toBe(link);
  });

  it.each([
    'javascript:alert(document.domain)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    ' \u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '/relative/path',
    'www.example.org/no-scheme',
    '',
    null,
  ])('makes no link of %j', (text) => {
    expect(webAddress(text)).toBeNull();
  });
});
