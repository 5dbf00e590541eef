import { historyStep, type EntryKind } from './history-entry';

/** The parts of a window the address needs, so tests can hand it a stand-in. */
export interface AddressWindow {
  location: { pathname: string; search: string; hash: string };
  history: { pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void; state: unknown };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

/**
 * The page's address (query string), the one writer of the URL. Everything that follows the
 * address reads `current` (or hears popstate, which every write sends too, so one event tells all).
 */
export class Address {
  current = $state('');
  #typingOpen = false;
  #telling = false;

  constructor(private readonly win: AddressWindow | null = typeof window === 'undefined' ? null : window) {
    this.current = win?.location.search ?? '';
  }

  /** Follows back and forward; returns the function that stops following. */
  start(): () => void {
    const win = this.win;
    if (!win) return () => undefined;
    const follow = () => {
      // Back or forward ends any typing; the event this address sends itself does not.
      if (!this.#telling) this.#typingOpen = false;
      this.current = win.location.search;
    };
    win.addEventListener('popstate', follow);
    return () => win.removeEventListener('popstate', follow);
  }

  /** Moves to `search` (e.g. `?view=force&force=kent`); see EntryKind for how history records it. */
  go(search: string, kind: EntryKind = 'settled'): void {
    const win = this.win;
    if (!win) return;
    const normal = search === '?' ? '' : search;
    if (normal === win.location.search) {
      if (kind !== 'typing') this.#typingOpen = false;
      return;
    }
    const url = `${win.location.pathname}${normal}${win.location.hash}`;
    if (historyStep(kind, this.#typingOpen) === 'push') win.history.pushState(null, '', url);
    else win.history.replaceState(win.history.state, '', url);
    this.#typingOpen = kind === 'typing';
    this.current = win.location.search;
    if (typeof PopStateEvent === 'undefined') return;
    this.#telling = true;
    try {
      dispatchEvent(new PopStateEvent('popstate'));
    } finally {
      this.#telling = false;
    }
  }

  /** What was being typed is done (the field lost focus): the next change is a new entry. */
  settle(): void {
    this.#typingOpen = false;
  }
}

/** The page's one address. */
export const address = new Address();
