import { stemPairs, stems } from './word-stems';

/**
 * How strongly a passage is about each recommendation: the words it shares with the
 * recommendation's wording, each weighted by how few of the report's recommendations use it
 * (a word in every one tells nothing), and shared word pairs counted again.
 */
export class RecommendationMatcher {
  readonly #words: Map<number, Set<string>>;
  readonly #pairs: Map<number, Set<string>>;
  readonly #weight: Map<string, number>;

  constructor(recommendations: readonly { rec_no: number; text: string }[]) {
    this.#words = new Map();
    this.#pairs = new Map();
    const counts = new Map<string, number>();
    for (const rec of recommendations) {
      const words = stems(rec.text);
      this.#words.set(rec.rec_no, new Set(words));
      this.#pairs.set(rec.rec_no, new Set(stemPairs(words)));
      for (const key of new Set([...words, ...stemPairs(words)])) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const n = recommendations.length;
    this.#weight = new Map([...counts].map(([key, count]) => [key, Math.log(1 + n / count)]));
  }

  /** The score of `text` (weight 1) with its surrounding paragraph (`context`, weight `contextWeight`) for one recommendation. */
  score(recNo: number, text: string, context = '', contextWeight = 0.3): number {
    const recWords = this.#words.get(recNo);
    const recPairs = this.#pairs.get(recNo);
    if (!recWords || !recPairs) return 0;
    const own = stems(text);
    const ownKeys = new Set([...own, ...stemPairs(own)]);
    const around = stems(context);
    const aroundKeys = new Set([...around, ...stemPairs(around)].filter((key) => !ownKeys.has(key)));
    let total = 0;
    for (const key of ownKeys) if (recWords.has(key) || recPairs.has(key)) total += this.#weight.get(key) ?? 0;
    for (const key of aroundKeys) if (recWords.has(key) || recPairs.has(key)) total += contextWeight * (this.#weight.get(key) ?? 0);
    return total;
  }

  /** How much of a recommendation's wording a passage repeats (0–1): a quoted recommendation scores near 1. */
  coverage(recNo: number, text: string): number {
    const recWords = this.#words.get(recNo);
    if (!recWords || recWords.size === 0) return 0;
    const own = new Set(stems(text));
    let shared = 0;
    for (const word of recWords) if (own.has(word)) shared += 1;
    return shared / recWords.size;
  }

  get recNos(): number[] {
    return [...this.#words.keys()];
  }
}
