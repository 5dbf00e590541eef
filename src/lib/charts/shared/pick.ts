import type { RenderFunction } from '@observablehq/plot';

/** What clicking a drawn element chooses: a force, a region. */
export interface Pick {
  force?: string;
  region?: string;
}

/**
 * A render transform that tags each element a mark draws (one per datum, in index order) with what
 * clicking it picks, as `data-pick` JSON; the chart frame turns a click on a tagged element into a
 * pick. The drawing stays a picture to assistive technology: every pick is also a keyboard control
 * (the tile map, the filter bar, the overdue list).
 */
export function pickable<T>(data: readonly T[], pick: (datum: T) => Pick): RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const group = next?.(index, scales, values, dimensions, context) ?? null;
    if (!group) return group;
    const elements = [...group.children].filter((child) => child.tagName !== 'title');
    elements.forEach((element, i) => {
      const datum = data[index[i]!];
      if (datum !== undefined) element.setAttribute('data-pick', JSON.stringify(pick(datum)));
    });
    return group;
  };
}

/** The pick of the element clicked, or null when the click was not on a pickable element. */
export function pickOf(target: EventTarget | null): Pick | null {
  const element = target && 'closest' in target ? (target as Element).closest('[data-pick]') : null;
  const text = element?.getAttribute('data-pick');
  return text ? (JSON.parse(text) as Pick) : null;
}
