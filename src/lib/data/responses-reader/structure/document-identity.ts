import type { ReadingReference } from './reading-reference';

/** Lower case words and digits, one space between: the key texts are compared by. */
export function textKey(text: string): string {
  return ` ${text.toLowerCase().replace(/&/g, ' and ').replace(/[’']s\b/g, 's').replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

const FORCE_SUFFIX = / (?:police service|police force|constabulary|police)$/;

export interface Found<T> { value: T; mentions: number }

/**
 * The force a response is about: the force named most often (by name, slug or alias), with the
 * names after "Commissioner for" or before "Police and Crime Commissioner" counted three times.
 */
export function findForce(text: string, reference: ReadingReference): Found<{ force_id: string; name: string }> | null {
  const key = textKey(text);
  let best: Found<{ force_id: string; name: string }> | null = null;
  for (const force of reference.forces) {
    const names = new Set([force.name, force.force_id.replace(/-/g, ' '), ...force.aliases]
      .map((name) => textKey(name).trim().replace(FORCE_SUFFIX, ''))
      .filter((name) => name.length >= 3));
    let mentions = 0;
    for (const name of names) {
      mentions += key.split(` ${name} `).length - 1;
      mentions += 2 * (key.split(` commissioner for ${name} `).length - 1);
      mentions += 2 * (key.split(` ${name} police and crime commissioner `).length - 1);
      mentions += 2 * (key.split(` ${name} pcc`).length - 1);
    }
    if (mentions > 0 && (!best || mentions > best.mentions)) best = { value: { force_id: force.force_id, name: force.name }, mentions };
  }
  return best;
}

/**
 * The inspection a response answers, matched as forgivingly as a status file's inspection
 * column: its title (with or without a leading "An inspection of"), its id or its address. A
 * title counts when nine in ten of its words appear in order-free form in the document's opening.
 */
export function findInspection(text: string, reference: ReadingReference): Found<ReadingReference['inspections'][number]> | null {
  const key = textKey(text);
  const opening = new Set(textKey(text.slice(0, 3000)).trim().split(' '));
  let best: Found<ReadingReference['inspections'][number]> | null = null;
  for (const inspection of reference.inspections) {
    const title = textKey(inspection.title);
    const short = title.replace(/^ (?:an? |the )?(?:inspection|review|report|inspectorate) (?:of|into|on) /, ' ');
    const slug = inspection.source_url ? textKey(inspection.source_url.replace(/\/+$/, '').split('/').pop() ?? '') : '';
    let mentions = (key.split(title).length - 1) + (key.split(short).length - 1)
      + (key.split(textKey(inspection.inspection_id)).length - 1) + (slug.trim().length > 10 ? key.split(slug).length - 1 : 0);
    if (mentions === 0) {
      const words = short.trim().split(' ');
      const present = words.filter((word) => opening.has(word)).length;
      if (words.length >= 4 && present / words.length >= 0.9) mentions = 1;
    }
    if (mentions > 0 && (!best || mentions > best.mentions)) best = { value: inspection, mentions };
  }
  return best;
}
