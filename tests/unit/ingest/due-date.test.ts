import { describe, expect, it } from 'vitest';
import { addMonths, dueDateFrom } from '../../../src/lib/data/due-date';

describe('due date from the deadline as written', () => {
  it.each([
    ['By 31 July 2024', '2023-07-11', '2024-07-31'],
    ['By March 2023', '2022-08-11', '2023-03-31'],
    ['By September 2021', '2021-02-26', '2021-09-30'],
    ['With immediate effect', '2023-07-11', '2023-07-11'],
    ['Immediately', '2021-09-17', '2021-09-17'],
    ['Within three months', '2023-07-11', '2023-10-11'],
    ['Within 6 months', '2023-08-31', '2024-02-29'],
  ])('%s (published %s) → %s', (text, published, expected) => {
    expect(dueDateFrom(text, published)).toBe(expected);
  });

  it('refuses what it cannot read rather than guessing', () => {
    expect(dueDateFrom('By 31 February 2024', '2023-07-11')).toBeNull();
    expect(dueDateFrom('As soon as practicable', '2023-07-11')).toBeNull();
  });

  it('clamps month arithmetic to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
  });
});
