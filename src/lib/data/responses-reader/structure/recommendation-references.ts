/**
 * How a response names its recommendations: "Recommendation 3:", "Rec 3 –", "(Recommendation 5)",
 * "recommendations 2 and 5", "recommendations 2 to 4", a numbered list or a table row.
 */

const NUMBER_LIST = String.raw`\d{1,2}(?:\s*(?:,|and|&|or|to|-|–)\s*\d{1,2})*`;

/** A reference anywhere in a sentence; group 1 is the list of numbers. */
const REFERENCE = new RegExp(String.raw`\b(?:recommendations?|recs?\.?)\s*(?:no\.?|number)?\s*(${NUMBER_LIST})\b`, 'gi');

/** A paragraph that begins with its recommendation: "Recommendation 3:", "Rec 3 –", "Recommendations 2 and 5." */
const LEADING = new RegExp(String.raw`^(?:recommendations?|recs?\.?)\s*(?:no\.?|number)?\s*(${NUMBER_LIST})\s*(?:[:.\-–—)]|$)\s*`, 'i');

/** A numbered list item: "3." or "3)" or "(3)". */
const LIST_ITEM = /^\(?(\d{1,2})[.)]\s+/;

/** The numbers of a list such as "2, 4 and 6" or "2 to 4". */
export function numbersOf(list: string): number[] {
  const numbers: number[] = [];
  const parts = list.split(/\s*(?:,|and|&|or)\s*/);
  for (const part of parts) {
    const range = /^(\d{1,2})\s*(?:to|-|–)\s*(\d{1,2})$/.exec(part.trim());
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      for (let n = from; n <= to && to - from < 20; n += 1) numbers.push(n);
    } else if (/^\d{1,2}$/.test(part.trim())) numbers.push(Number(part.trim()));
  }
  return [...new Set(numbers)];
}

/** Every recommendation number a sentence names. */
export function referencedNumbers(text: string): number[] {
  return [...new Set([...text.matchAll(REFERENCE)].flatMap((m) => numbersOf(m[1]!)))];
}

/** The numbers a paragraph opens with, and the rest of it; null when it does not open with one. */
export function leadingReference(paragraph: string): { numbers: number[]; rest: string; restOffset: number } | null {
  const m = LEADING.exec(paragraph);
  if (!m) return null;
  const numbers = numbersOf(m[1]!);
  return numbers.length > 0 ? { numbers, rest: paragraph.slice(m[0].length), restOffset: m[0].length } : null;
}

/** The number of a numbered list item, and the rest of it. */
export function listItem(paragraph: string): { number: number; rest: string; restOffset: number } | null {
  const m = LIST_ITEM.exec(paragraph);
  return m ? { number: Number(m[1]), rest: paragraph.slice(m[0].length), restOffset: m[0].length } : null;
}

/** A deadline as written at the head of a recommendation: "By 31 July 2024", "With immediate effect". */
export function deadlineAsWritten(recommendation: string): string | null {
  const m = /^\s*(?:[-•*–]\s*)?(by \d{1,2}(?:st|nd|rd|th)? \w+ \d{4}|with immediate effect|immediately|within (?:\w+|\d+) (?:months?|weeks?|days?))/i.exec(recommendation);
  return m ? m[1]!.replace(/^./, (c) => c.toUpperCase()) : null;
}

const FOR_FORCES = /\b(?:chief constables?|forces?|chief officers?|armed policing lead|firearms lead|assistant chief constables?|police and crime commissioners|pccs)\b/i;
const OTHERS = /\b(?:home office|home secretary|college of policing|national police chiefs['’]? council|npcc|hmicfrs|ministry of|government|crown prosecution service|cps|national crime agency|nca|counter terrorism policing|independent office for police conduct|iopc)\b/i;

/**
 * Who a recommendation is addressed to, from its wording: the words before "should", after any
 * deadline. 'others' when they name a national body and no force; null when it cannot be told.
 */
export function addresseeOf(recommendation: string): { forForces: boolean | null; addressee: string } {
  const body = recommendation.replace(/^\s*[-•*–]\s*/, '').replace(/^(?:by [^,]+|with immediate effect|immediately|within [^,]+),\s*/i, '');
  const subject = (/^(.{3,240}?)\s+(?:should|must|is asked to|are asked to)\b/i.exec(body)?.[1] ?? '').trim();
  if (OTHERS.test(subject) && !/chief constables?|forces/i.test(subject)) return { forForces: false, addressee: subject };
  if (FOR_FORCES.test(subject)) return { forForces: true, addressee: subject };
  return { forForces: null, addressee: subject };
}

/** Whether a passage reads as a recommendation's wording (someone "should" do something). */
export function readsAsRecommendation(text: string): boolean {
  return /\b(?:should|must|is asked to|are asked to)\b/i.test(text) && text.length >= 40;
}
