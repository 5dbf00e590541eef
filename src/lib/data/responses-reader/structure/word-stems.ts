/**
 * Words compared by a rough stem, so that "armouries" meets "armoury" and "observed" meets
 * "observation": enough to tell which recommendation a sentence is about, no more.
 */

const STOP_WORDS = new Set((
  'a an and any are as at be been being both but by can could do does each for from had has have he her his how i if in into ' +
  'is it its make may more most must no not of on or our out over own per shall she should so such than that the their them ' +
  'then there these they this those through to under up was we were what when where which while who will with within would ' +
  'you all also other another made sure need needs very well only can into including'
).split(' '));

const SUFFIXES: readonly [string, string][] = [
  ['isations', 'is'], ['isation', 'is'], ['ations', ''], ['ation', ''], ['ments', ''], ['ment', ''], ['ings', ''], ['ing', ''],
  ['ies', 'y'], ['ied', 'y'], ['ed', ''], ['es', ''], ['s', ''], ['al', ''], ['ly', ''],
];

export function stem(word: string): string {
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length) + replacement;
  }
  return word;
}

/** The content words of a text, stemmed, in order. */
export function stems(text: string): string[] {
  return (text.toLowerCase().replace(/[’']s\b/g, '').match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? [])
    .filter((word) => !STOP_WORDS.has(word) && !/^\d+$/.test(word) && word.length > 1)
    .map(stem);
}

/** Adjacent pairs of content words: "firearm tactic" tells recommendations apart better than either word. */
export function stemPairs(words: readonly string[]): string[] {
  return words.slice(1).map((word, i) => `${words[i]} ${word}`);
}
