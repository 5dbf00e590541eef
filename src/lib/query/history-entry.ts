/**
 * How a change of address enters the browser's history: `settled` is a new entry (a click, a
 * choice), `typing` is a step of something still being typed (one entry for the whole typing,
 * replaced at each step), `replace` corrects the current entry.
 */
export type EntryKind = 'settled' | 'typing' | 'replace';

/** Push or replace, given what the last write was: typing replaces its own entry until it settles. */
export function historyStep(kind: EntryKind, typingOpen: boolean): 'push' | 'replace' {
  if (kind === 'replace') return 'replace';
  if (kind === 'typing' && typingOpen) return 'replace';
  return 'push';
}
