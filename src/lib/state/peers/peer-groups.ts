/**
 * Peer groups: the force's region (the default), all forces, or a named group of forces the user
 * picked. Home Office "most similar groups" are not offered: their membership is not available.
 *
 * In the URL a choice reads `peers=all` or `peers=<name>:<slug>,<slug>…` (no parameter = region),
 * so a shared link carries the group itself. Saved groups live in localStorage as JSON.
 */
export type PeerChoice =
  | { kind: 'region' }
  | { kind: 'all' }
  | { kind: 'named'; name: string; members: readonly string[] };

export interface PeerGroup {
  name: string;
  members: readonly string[];
}

export interface ForceRef {
  force_id: string;
  name: string;
  region: string;
}

export const PEERS_PARAM = 'peers';
export const PEER_STORAGE_KEY = 'oversight:peer-groups';
const MAX_NAME = 60;

/** A group name that survives the URL format: no ':' or ',', single spaces, at most 60 characters. */
export function cleanGroupName(name: string): string {
  return name.replace(/[:,]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME).trim();
}

function cleanMembers(members: readonly unknown[]): string[] {
  const slugs = members.filter((m): m is string => typeof m === 'string').map((m) => m.trim().toLowerCase());
  return [...new Set(slugs.filter((m) => /^[a-z0-9-]+$/.test(m)))];
}

export function decodePeerChoice(text: string | null): PeerChoice {
  if (!text) return { kind: 'region' };
  if (text === 'all') return { kind: 'all' };
  const colon = text.indexOf(':');
  if (colon < 0) return { kind: 'region' };
  const name = cleanGroupName(text.slice(0, colon));
  const members = cleanMembers(text.slice(colon + 1).split(','));
  return name && members.length > 0 ? { kind: 'named', name, members } : { kind: 'region' };
}

export function encodePeerChoice(choice: PeerChoice): string | null {
  if (choice.kind === 'region') return null;
  if (choice.kind === 'all') return 'all';
  return `${cleanGroupName(choice.name)}:${choice.members.join(',')}`;
}

export function peerChoiceFromSearch(search: string): PeerChoice {
  return decodePeerChoice(new URLSearchParams(search).get(PEERS_PARAM));
}

export function searchWithPeerChoice(choice: PeerChoice, currentSearch: string): string {
  const params = new URLSearchParams(currentSearch);
  const encoded = encodePeerChoice(choice);
  if (encoded) params.set(PEERS_PARAM, encoded);
  else params.delete(PEERS_PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Saved groups from storage; anything malformed is skipped rather than trusted. */
export function parseStoredGroups(json: string | null): PeerGroup[] {
  if (!json) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const groups: PeerGroup[] = [];
  for (const item of parsed) {
    if (!item || typeof item !== 'object') continue;
    const { name, members } = item as { name?: unknown; members?: unknown };
    if (typeof name !== 'string' || !Array.isArray(members)) continue;
    const group = { name: cleanGroupName(name), members: cleanMembers(members) };
    if (group.name && group.members.length > 0) groups.push(group);
  }
  return dedupeByName(groups);
}

export function serialiseGroups(groups: readonly PeerGroup[]): string {
  return JSON.stringify(groups.map(({ name, members }) => ({ name, members: [...members] })));
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase('en-GB') === b.toLocaleLowerCase('en-GB');

function dedupeByName(groups: readonly PeerGroup[]): PeerGroup[] {
  const kept: PeerGroup[] = [];
  for (const group of groups) if (!kept.some((k) => sameName(k.name, group.name))) kept.push(group);
  return kept;
}

/** Adds a group, or replaces the one of the same name (ignoring case); sorted by name. */
export function upsertGroup(groups: readonly PeerGroup[], group: PeerGroup): PeerGroup[] {
  const cleaned = { name: cleanGroupName(group.name), members: cleanMembers(group.members) };
  return [...groups.filter((g) => !sameName(g.name, cleaned.name)), cleaned].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export function removeGroup(groups: readonly PeerGroup[], name: string): PeerGroup[] {
  return groups.filter((g) => !sameName(g.name, name));
}

/** The force ids a choice stands for, for a given force; unknown ids are dropped. */
export function peerMembers(choice: PeerChoice, forceId: string, forces: readonly ForceRef[]): string[] {
  if (choice.kind === 'all') return forces.map((f) => f.force_id);
  if (choice.kind === 'region') {
    const region = forces.find((f) => f.force_id === forceId)?.region;
    return forces.filter((f) => f.region === region).map((f) => f.force_id);
  }
  return choice.members.filter((id) => forces.some((f) => f.force_id === id));
}

/** Ids in a named group that are not forces in the data (a mistyped or outdated link). */
export function unknownMembers(choice: PeerChoice, forces: readonly ForceRef[]): string[] {
  return choice.kind === 'named' ? choice.members.filter((id) => !forces.some((f) => f.force_id === id)) : [];
}

/** "North West (the force’s region)", "All 43 forces", "Metro forces (5 forces)". */
export function peerChoiceLabel(choice: PeerChoice, forceId: string, forces: readonly ForceRef[]): string {
  if (choice.kind === 'all') return `All ${forces.length} forces`;
  if (choice.kind === 'region') {
    const region = forces.find((f) => f.force_id === forceId)?.region ?? 'Region';
    return `${region} (the force’s region)`;
  }
  const count = peerMembers(choice, forceId, forces).length;
  return `${choice.name} (${count} ${count === 1 ? 'force' : 'forces'})`;
}
