import type { ReadingReference } from '../structure/reading-reference';
import type { Passage } from '../structure/passages';
import { aboutAnotherReport, DESCRIBES_REPORT, type RecommendationInResponse, type ResponseStructure } from '../structure/document-structure';
import { bestAssignment } from './best-assignment';
import { firstRule, STATUS_RULES, type ProposedStatus, type StatusRule } from './status-rules';

/** What the reader proposes for one recommendation, before a person decides. */
export interface Proposal {
  recommendation: RecommendationInResponse;
  /** null: the response does not say ("not stated"). */
  status: ProposedStatus | null;
  rule: StatusRule | null;
  /** The shortest passage that supports the status, exactly as written. */
  quote: Passage | null;
  /** Why there is no status, or how the passage was tied to the recommendation. */
  note: string;
}

// What a national body does is not the force's progress.
const NATIONAL_BODY_ACTS = /^(?:the )?(?:home office|home secretary|college of policing|national police chiefs['’]? council|npcc|national crime agency|nca|government|hmicfrs|inspectorate)\b/i;

// A passage tied to a recommendation by its words alone must share at least this much weighted wording.
const MIN_SCORE = 2;

/**
 * One proposal per recommendation for forces. A status needs a passage that both belongs to the
 * recommendation (by the response's own structure, or, when it has none, by its words) and
 * matches a rule; otherwise the status is not stated. Nothing is guessed.
 */
export function proposeStatuses(structure: ResponseStructure, reference: ReadingReference): Proposal[] {
  const evidence = (passage: Passage) => {
    const sentence = structure.text.slice(passage.sentence.start, passage.sentence.end);
    return !DESCRIBES_REPORT.test(sentence.trim()) && !NATIONAL_BODY_ACTS.test(sentence.trim()) && !aboutAnotherReport(sentence, structure.inspection, reference);
  };
  const byStructure = new Map<number, Passage[]>();
  for (const [recNo, passages] of structure.answers) byStructure.set(recNo, passages.filter(evidence));

  // Only a response without structure of its own is read by words: prose elsewhere is the introduction or conclusion.
  const structured = [...structure.answers.values()].some((passages) => passages.length > 0);
  const byWords = structured ? new Map<number, Passage[]>() : matchByWords(structure, structure.unattributed.filter(evidence));

  return structure.recommendations.map((recommendation) => {
    const own = byStructure.get(recommendation.recNo) ?? [];
    const matched = byWords.get(recommendation.recNo) ?? [];
    const found = best([...own, ...matched]);
    if (found) {
      return {
        recommendation, status: found.rule.status, rule: found.rule, quote: found.passage,
        note: own.includes(found.passage) ? 'from the response’s answer to this recommendation' : 'tied to this recommendation by its words',
      };
    }
    const note = !recommendation.mentioned && own.length === 0 && matched.length === 0
      ? 'the response does not mention this recommendation'
      : 'the response mentions it but does not say how far it has got';
    return { recommendation, status: null, rule: null, quote: null, note };
  });
}

/** Of the passages about one recommendation, the one whose rule comes first in the table. */
function best(passages: readonly Passage[]): { passage: Passage; rule: StatusRule } | null {
  let found: { passage: Passage; rule: StatusRule; order: number } | null = null;
  for (const passage of passages) {
    const match = firstRule(passage.text);
    if (!match) continue;
    const order = STATUS_RULES.indexOf(match.rule);
    if (!found || order < found.order) found = { passage, rule: match.rule, order };
  }
  return found;
}

/**
 * Passages that match a rule, each given to the recommendation it is most about, one passage per
 * recommendation, choosing the pairing that fits best overall: two passages about similar
 * recommendations are told apart by which fits each better. A passage left over joins a
 * recommendation only when it is clearly about that one.
 */
function matchByWords(structure: ResponseStructure, passages: readonly Passage[]): Map<number, Passage[]> {
  const candidates = structure.recommendations.filter((r) => r.mentioned || structure.recommendations.every((x) => !x.mentioned)).map((r) => r.recNo);
  const ruled = passages.filter((passage) => firstRule(passage.text) !== null);
  const scores = ruled.map((passage) => candidates.map((recNo) => {
    const score = structure.matcher.score(recNo, passage.text, structure.text.slice(passage.paragraph.start, passage.paragraph.end));
    return score >= MIN_SCORE ? score : 0;
  }));
  const taken = new Map<number, Passage[]>();
  const used = new Set<number>();
  for (const [row, column] of bestAssignment(scores)) {
    taken.set(candidates[column]!, [ruled[row]!]);
    used.add(row);
  }
  ruled.forEach((passage, row) => {
    if (used.has(row)) return;
    const ranked = scores[row]!.map((score, column) => ({ score, recNo: candidates[column]! })).sort((a, b) => b.score - a.score);
    const [first, second] = ranked;
    if (first && first.score >= 2 * MIN_SCORE && (!second || first.score >= 1.5 * second.score)) {
      taken.set(first.recNo, [...(taken.get(first.recNo) ?? []), passage]);
    }
  });
  return taken;
}
