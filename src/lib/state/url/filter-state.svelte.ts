import { defaultFilters, type Filters } from '../../metrics/common/filters';
import { filtersFromSearch, sameInspections, searchFromFilters, unreadableAsOf, type FilterDefaults } from './url-filters';
import { address } from '../../query/address.svelte';
import type { EntryKind } from '../../query/history-entry';

/**
 * The filters as shared state, kept equal to the URL: the address (the one writer of the URL)
 * records each change as a history entry, and back/forward restore the filters they recorded.
 */
export class FilterState {
  current = $state<Filters>(defaultFilters(''));
  // State, so what reads the defaults (the date picker's latest day, the filter chips) follows them.
  #defaults = $state.raw<FilterDefaults>({ asOf: '', inspections: [] });
  /** An as-of date in the address that is not a calendar day, ignored: shown until a filter changes. */
  ignoredAsOf = $state<string | null>(null);

  /** Reads the URL once the defaults (which depend on the loaded data) are known. */
  start(defaults: FilterDefaults): () => void {
    this.#defaults = defaults;
    this.current = filtersFromSearch(location.search, defaults);
    this.ignoredAsOf = unreadableAsOf(location.search);
    const onPopState = () => {
      this.current = filtersFromSearch(location.search, this.#defaults);
    };
    addEventListener('popstate', onPopState);
    return () => removeEventListener('popstate', onPopState);
  }

  /**
   * The data changed (a load, removal or undo): the defaults move with it, and so do the as-of
   * date and the inspections unless the URL holds them, which is the user's choice and stays.
   */
  follow(defaults: FilterDefaults): void {
    const before = this.#defaults;
    if (defaults.asOf === before.asOf && sameInspections(defaults.inspections, before.inspections)) return;
    this.#defaults = defaults;
    const { asOf, inspections } = filtersFromSearch(location.search, defaults);
    if (asOf !== this.current.asOf || !sameInspections(inspections, this.current.inspections)) {
      this.current = { ...this.current, asOf, inspections };
    }
  }

  update(change: Partial<Filters>, kind: EntryKind = 'settled'): void {
    const next = { ...this.current, ...change };
    this.ignoredAsOf = null;
    address.go(searchFromFilters(next, this.#defaults, location.search), kind);
    this.current = next;
  }

  get defaults(): FilterDefaults {
    return this.#defaults;
  }
}
