import type { ReadingReference } from './reading-reference';
import { findForce, findInspection, textKey } from './document-identity';
import { firstDate, isoFromMatch, WRITTEN_DATE } from './document-dates';
import { RecommendationMatcher } from './recommendation-match';
import { clausesOf, type Passage, type Span } from './passages';
import {
  addresseeOf, deadlineAsWritten, leadingReference, listItem, readsAsRecommendation, referencedNumbers,
} from './recommendation-references';

/** A recommendation as the response presents it. */
export interface RecommendationInResponse {
  recNo: number;
  /** Its wording: as quoted in the response when it is, else as loaded. */
  text: string;
  /** Where the response quotes it; null when it only names it, or not at all. */
  quoted: Span | null;
  deadline: string | null;
  /** Whether the response mentions it at all. */
  mentioned: boolean;
  /** Whether the loaded recommendations hold it (only those can be loaded). */
  known: boolean;
}

/** A recommendation addressed to someone other than forces, recognised and left out. */
export interface LeftOut { recNo: number | null; addressee: string; quoted: Span }

export interface ResponseStructure {
  text: string;
  force: { force_id: string; name: string } | null;
  inspection: ReadingReference['inspections'][number] | null;
  /** The report's publication date as the response states it (ISO), if it does. */
  statedPublished: string | null;
  /** The response's own date (ISO), if stated. */
  responseDate: string | null;
  recommendations: RecommendationInResponse[];
  leftOut: LeftOut[];
  /** Prose attributed to recommendations by the response's own structure (headings, numbers, table rows). */
  answers: Map<number, Passage[]>;
  /** Prose that names no recommendation: matched by its words when the response has no structure. */
  unattributed: Passage[];
  matcher: RecommendationMatcher;
}

const ANSWER_MARKER = /\s(?:response|update|progress update|current position|position|action taken|force response)\s*[:–—-]\s*/i;
// An unnumbered quote must repeat this much of a recommendation's wording (a numbered one, less).
const QUOTE_COVERAGE = 0.75;
const NEXT_RECOMMENDATION = /(?<=[.!?]["”’)]?\s)(?=(?:By \d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4}|With immediate effect|Within (?:\w+|\d+) (?:months?|weeks?)),)/g;
const ANSWER_HEADING = /^(?:(?:the )?(?:force|pcc|commissioner['’]?s?|chief constable['’]?s?|police and crime commissioner['’]?s?|our)\s+)?(?:response|comments?|update|progress(?: update)?|position|actions?(?: taken)?)\s*:?$/i;
const HEADING = /^[^.!?\t]{1,60}:?$/;
const PUBLISHED_LABEL = /\b(?:publication date|published\b[^.\d]{0,25}(?=\d))/i;
const RESPONSE_LABEL = /\b(?:date of (?:this )?response|response date|dated|date of letter|date:)\s*/i;

/** Sentences that describe the report rather than the force's action are not evidence. */
export const DESCRIBES_REPORT = /^(?:(?:the|his majesty['’]s)\s+)?(?:inspectorate|inspection|report|hmicfrs|hmic)\b[^.]{0,80}\b(?:found|finds|noted|notes|referred|recommended|recommends|recognised|recognises|examined|identified|said|says|states|stated|determined|sought|made)\b|\bkey findings?\b|^(?:one|another) of the (?:key )?findings\b/i;

/** Finds the inspection, force, dates and recommendations of a response's text (one paragraph per line). */
export function findStructure(text: string, reference: ReadingReference, chosen: { force_id?: string; inspection_id?: string } = {}): ResponseStructure {
  const force = chosen.force_id
    ? reference.forces.find((f) => f.force_id === chosen.force_id) ?? null
    : findForce(text, reference)?.value ?? null;
  const inspection = chosen.inspection_id
    ? reference.inspections.find((i) => i.inspection_id === chosen.inspection_id) ?? null
    : findInspection(text, reference)?.value ?? null;
  const known = inspection ? reference.recommendations.filter((r) => r.inspection_id === inspection.inspection_id) : [];
  const matcher = new RecommendationMatcher(known.map((r) => ({ rec_no: r.rec_no, text: r.text ?? '' })));
  const knownByNo = new Map(known.map((r) => [r.rec_no, r]));

  const paragraphs: Span[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    // Recommendations that ran together (a list whose items lost their marks) part at each deadline.
    let from = 0;
    if (!line.includes('\t') && /\bshould\b/i.test(line)) {
      for (const m of line.matchAll(NEXT_RECOMMENDATION)) {
        paragraphs.push({ start: at + from, end: at + m.index! });
        from = m.index!;
      }
    }
    paragraphs.push({ start: at + from, end: at + line.length });
    at += line.length + 1;
  }

  let statedPublished: string | null = null;
  let responseDate: string | null = null;
  const quoted = new Map<number, { span: Span; text: string }>();
  const named = new Set<number>();
  const leftOut: LeftOut[] = [];
  const answers = new Map<number, Passage[]>();
  const unattributed: Passage[] = [];
  const answer = (numbers: readonly number[], passages: Passage[]) => {
    for (const passage of passages) {
      const all = new Set([...numbers, ...referencedNumbers(passage.text), ...referencedNumbers(text.slice(passage.sentence.start, passage.sentence.end))]);
      if (all.size === 0) unattributed.push(passage);
      for (const n of all) {
        named.add(n);
        answers.set(n, [...(answers.get(n) ?? []), passage]);
      }
    }
  };

  /** A recommendation's wording found at `span`: which one it is, or that it is not for forces. */
  const recommendationAt = (wording: string, span: Span, numbers: readonly number[]): number[] => {
    const addressed = addresseeOf(wording);
    const byWording = bestCoverage(matcher, wording);
    const recNos = numbers.length > 0 ? [...numbers] : byWording ? [byWording] : [];
    const forForces = recNos.length === 1 && knownByNo.has(recNos[0]!) ? knownByNo.get(recNos[0]!)!.for_forces : addressed.forForces;
    if (forForces === false) {
      leftOut.push({ recNo: recNos[0] ?? null, addressee: addressed.addressee, quoted: span });
      return [];
    }
    for (const n of recNos) {
      named.add(n);
      if (!quoted.has(n)) quoted.set(n, { span, text: wording });
    }
    quotesSeen += 1;
    return recNos;
  };

  let section: number[] = [];
  // How many recommendations were quoted one after another just before this paragraph: a list of them.
  let quotesInARow = 0;
  let quotesSeen = 0;
  for (const paragraph of paragraphs) {
    const line = text.slice(paragraph.start, paragraph.end);
    if (line.trim() === '') continue;
    const quotesBefore = quotesSeen;
    if (PUBLISHED_LABEL.test(line) && !statedPublished) statedPublished = firstDate(line.slice(line.search(PUBLISHED_LABEL)));
    const responseLabel = RESPONSE_LABEL.exec(line);
    if (responseLabel && !responseDate) responseDate = firstDate(line.slice(responseLabel.index));
    if (!responseDate && isOnlyADate(line)) responseDate = firstDate(line);

    if (line.includes('\t')) {
      section = readTableRow(line, paragraph);
      continue;
    }
    const leading = leadingReference(line) ?? (() => {
      const item = listItem(line);
      return item ? { numbers: [item.number], rest: item.rest, restOffset: item.restOffset } : null;
    })();
    const trailing = /\((?:recommendations?|recs?\.?)\s*[\d ,and&to–-]+\)\s*\.?$/i.exec(line);

    if (leading && readsAsRecommendation(leading.rest)) {
      // "Recommendation 3: <wording> Response: <answer>" in one paragraph.
      const marker = ANSWER_MARKER.exec(leading.rest);
      const start = paragraph.start + leading.restOffset;
      const wordingEnd = marker ? marker.index : endOfWording(leading.rest, leading.numbers);
      const wording = leading.rest.slice(0, wordingEnd).trim();
      // A numbered list's numbers may be the response's own: its wording, when it matches, says which it is.
      const byWording = leadingReference(line) ? null : bestCoverage(matcher, wording);
      section = recommendationAt(wording, { start, end: start + wording.length }, byWording ? [byWording] : leading.numbers);
      if (marker) answer(section, clausesOf(text, paragraph, start + marker.index + marker[0].length));
      else if (wordingEnd < leading.rest.length) answer(section, clausesOf(text, paragraph, start + wordingEnd));
    } else if (leading) {
      section = leading.numbers;
      named.add(section[0]!);
      answer(section, clausesOf(text, paragraph, paragraph.start + leading.restOffset));
    } else if (trailing && readsAsRecommendation(line)) {
      section = recommendationAt(line.slice(0, trailing.index).trim(), { start: paragraph.start, end: paragraph.start + trailing.index }, referencedNumbers(trailing[0]));
    } else if (quotesARecommendation(line) && (!section.includes(bestCoverage(matcher, line, QUOTE_COVERAGE) ?? -1) || !quoted.has(bestCoverage(matcher, line, QUOTE_COVERAGE)!))) {
      // The wording under its own "Recommendation N" heading is the quote, not an answer.
      section = recommendationAt(line, paragraph, []);
    } else if (readsAsRecommendation(line) && /^[-•*–]\s/.test(line) && addresseeOf(line).forForces === false) {
      section = recommendationAt(line, paragraph, []);
    } else if (ANSWER_HEADING.test(line.trim())) {
      // "Force response" under one recommendation: its answer follows. After a list of them, it opens the response as a whole.
      if (quotesInARow > 1) section = [];
      continue;
    } else if (HEADING.test(line.trim()) && referencedNumbers(line).length === 0) {
      section = [];
    } else {
      // "Response: …" opens an answer; the label is not part of the quote.
      const label = /^(?:response|update|progress update|current position|position|action taken|force response)\s*[:–—-]\s*/i.exec(line);
      answer(section, clausesOf(text, paragraph, paragraph.start + (label?.[0].length ?? 0)));
    }
    if (quotesSeen > quotesBefore) quotesInARow += 1;
    else if (!ANSWER_HEADING.test(line.trim())) quotesInARow = 0;
  }

  /**
   * Where a recommendation's wording ends when the answer follows in the same paragraph: after the
   * fewest sentences that repeat (nearly) all of the wording Oversight holds for it; without that
   * wording, after the last sentence in which someone "should".
   */
  function endOfWording(rest: string, numbers: readonly number[]): number {
    const ends = [...rest.matchAll(/[.!?]["”’)]?(?=\s+["“‘(]?[A-Z])/g)].map((m) => m.index! + m[0].length);
    if (ends.length === 0) return rest.length;
    const recNo = numbers.length === 1 && knownByNo.has(numbers[0]!) ? numbers[0]! : bestCoverage(matcher, rest);
    if (recNo !== null) {
      const whole = matcher.coverage(recNo, rest);
      for (const end of ends) if (matcher.coverage(recNo, rest.slice(0, end)) >= 0.9 * whole) return end;
      return rest.length;
    }
    const shouldAt = [...rest.matchAll(/\b(?:should|must)\b/gi)].map((m) => m.index!).at(-1) ?? 0;
    return ends.find((end) => end > shouldAt) ?? rest.length;
  }

  /** An unnumbered paragraph that quotes a recommendation: most of its words, someone who "should", and not the inspectorate's findings. */
  function quotesARecommendation(line: string): boolean {
    return readsAsRecommendation(line) && bestCoverage(matcher, line, QUOTE_COVERAGE) !== null
      && addresseeOf(line).forForces !== null && !DESCRIBES_REPORT.test(line);
  }

  /** A table row: a recommendation number (or wording) in one cell, the answer in the others. */
  function readTableRow(line: string, paragraph: Span): number[] {
    const cells: { text: string; span: Span }[] = [];
    let from = paragraph.start;
    for (const cell of line.split('\t')) {
      cells.push({ text: cell.trim(), span: { start: from + cell.length - cell.trimStart().length, end: from + cell.trimEnd().length } });
      from += cell.length + 1;
    }
    const numberCell = cells.findIndex((c) => /^(?:(?:recommendation|rec\.?)\s*)?\d{1,2}[.:)]?$/i.test(c.text));
    const wordingCell = cells.findIndex((c) => readsAsRecommendation(c.text) && (bestCoverage(matcher, c.text) !== null || addresseeOf(c.text).forForces !== null));
    if (numberCell < 0 && wordingCell < 0) return [];
    const numbers = numberCell >= 0 ? referencedNumbers(`recommendation ${cells[numberCell]!.text.replace(/\D+/g, ' ')}`) : [];
    let recNos = numbers;
    if (wordingCell >= 0) recNos = recommendationAt(cells[wordingCell]!.text, cells[wordingCell]!.span, numbers);
    else for (const n of numbers) named.add(n);
    if (recNos.length === 0) return [];
    cells.forEach((cell, i) => {
      if (i === numberCell || i === wordingCell || cell.text === '') return;
      answer(recNos, clausesOf(text, cell.span));
    });
    return [];
  }

  const recommendations: RecommendationInResponse[] = known.filter((r) => r.for_forces).map((r) => {
    const quote = quoted.get(r.rec_no);
    return {
      recNo: r.rec_no,
      text: quote?.text ?? r.text ?? '',
      quoted: quote?.span ?? null,
      deadline: (quote && deadlineAsWritten(quote.text)) ?? r.due_text,
      mentioned: named.has(r.rec_no),
      known: true,
    };
  });
  // Recommendations for forces that the response quotes but the loaded data does not hold: shown, not loadable.
  for (const [n, quote] of [...quoted].filter(([n]) => !knownByNo.has(n)).sort((a, b) => a[0] - b[0])) {
    recommendations.push({ recNo: n, text: quote.text, quoted: quote.span, deadline: deadlineAsWritten(quote.text), mentioned: true, known: false });
  }
  recommendations.sort((a, b) => a.recNo - b.recNo);
  return { text, force, inspection, statedPublished, responseDate, recommendations, leftOut, answers, unattributed, matcher };
}

/** The recommendation whose wording a passage repeats (most of its words), or null. */
function bestCoverage(matcher: RecommendationMatcher, text: string, least = 0.6): number | null {
  let best: { recNo: number; coverage: number } | null = null;
  for (const recNo of matcher.recNos) {
    const coverage = matcher.coverage(recNo, text);
    if (coverage >= least && (!best || coverage > best.coverage)) best = { recNo, coverage };
  }
  return best?.recNo ?? null;
}

function isOnlyADate(line: string): boolean {
  const m = new RegExp(WRITTEN_DATE.source, 'i').exec(line);
  return m !== null && isoFromMatch(m) !== null && line.replace(m[0], '').replace(/[\s,.]/g, '').length <= 3;
}

/** Whether a sentence is about another report than the one answered (so it is not evidence here). */
export function aboutAnotherReport(sentence: string, inspection: ReadingReference['inspections'][number] | null, reference: ReadingReference): boolean {
  const key = textKey(sentence);
  for (const other of reference.inspections) {
    if (other.inspection_id === inspection?.inspection_id) continue;
    const title = textKey(other.title);
    if (title.trim().split(' ').length >= 4 && key.includes(title)) return true;
  }
  const year = inspection?.published?.slice(0, 4);
  const m = /\b(?:previous|earlier|last year['’]s|prior|separate|PEEL|((?:19|20)\d\d))\b[^.]{0,40}?\b(?:reports?|inspections?)\b/i.exec(sentence);
  if (!m) return false;
  if (m[1] && m[1] === year) return false;
  return !(inspection && key.includes(textKey(inspection.title)));
}
