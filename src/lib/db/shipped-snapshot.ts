import type { Snapshot } from './snapshot';

// Optional: written by scripts/build-snapshot.ts before `vite build` / `vite`; absent, the app
// simply waits for the engine.
const found = import.meta.glob<Snapshot>('../../../data/snapshot/national.json', { eager: true, import: 'default' });

export const shippedSnapshot: Snapshot | null = Object.values(found)[0] ?? null;
