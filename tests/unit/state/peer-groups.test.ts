import { describe, expect, it } from 'vitest';
import {
  cleanGroupName, decodePeerChoice, encodePeerChoice, parseStoredGroups, peerChoiceFromSearch, peerChoiceLabel,
  peerMembers, removeGroup, searchWithPeerChoice, serialiseGroups, unknownMembers, upsertGroup, type ForceRef,
} from '../../../src/lib/state/peers/peer-groups';

const forces: ForceRef[] = [
  { force_id: 'cheshire', name: 'Cheshire', region: 'North West' },
  { force_id: 'cumbria', name: 'Cumbria', region: 'North West' },
  { force_id: 'merseyside', name: 'Merseyside', region: 'North West' },
  { force_id: 'west-midlands', name: 'West Midlands', region: 'West Midlands' },
];

describe('peer group in the URL', () => {
  it('reads no parameter as the region, "all" as all forces, and name:slugs as a named group', () => {
    expect(peerChoiceFromSearch('?view=force&force=cheshire')).toEqual({ kind: 'region' });
    expect(peerChoiceFromSearch('?peers=all')).toEqual({ kind: 'all' });
    expect(peerChoiceFromSearch('?peers=Metro+forces:merseyside,west-midlands')).toEqual({
      kind: 'named', name: 'Metro forces', members: ['merseyside', 'west-midlands'],
    });
  });

  it('writes a readable parameter and round-trips', () => {
    const choice = { kind: 'named' as const, name: 'Metro forces', members: ['merseyside', 'west-midlands'] };
    const search = searchWithPeerChoice(choice, '?view=force&force=cheshire');
    expect(search).toBe('?view=force&force=cheshire&peers=Metro+forces%3Amerseyside%2Cwest-midlands');
    expect(new URLSearchParams(search).get('peers')).toBe('Metro forces:merseyside,west-midlands');
    expect(peerChoiceFromSearch(search)).toEqual(choice);
    expect(searchWithPeerChoice({ kind: 'region' }, search)).toBe('?view=force&force=cheshire');
    expect(encodePeerChoice({ kind: 'all' })).toBe('all');
  });

  it('falls back to the region for anything malformed', () => {
    for (const text of ['', 'nonsense', ':cheshire', 'Name:', 'Name:<script>', 'Name:,,']) {
      expect(decodePeerChoice(text)).toEqual({ kind: 'region' });
    }
    // Duplicates and capitals are tidied; odd characters in slugs are dropped.
    expect(decodePeerChoice('Mine:Cheshire,cheshire,bad slug,cumbria')).toEqual({ kind: 'named', name: 'Mine', members: ['cheshire', 'cumbria'] });
  });

  it('keeps names that survive the format', () => {
    expect(cleanGroupName('  North: big,  forces  ')).toBe('North big forces');
    expect(cleanGroupName('x'.repeat(80))).toHaveLength(60);
  });
});

describe('saved peer groups', () => {
  it('parses storage defensively', () => {
    expect(parseStoredGroups(null)).toEqual([]);
    expect(parseStoredGroups('not json')).toEqual([]);
    expect(parseStoredGroups('{"name":"x"}')).toEqual([]);
    expect(parseStoredGroups(JSON.stringify([
      { name: 'Good', members: ['cheshire'] },
      { name: 'good', members: ['cumbria'] }, // same name ignoring case: the first stands
      { name: '', members: ['cheshire'] },
      { name: 'Empty', members: [] },
      { name: 3, members: ['cheshire'] },
      null,
    ]))).toEqual([{ name: 'Good', members: ['cheshire'] }]);
  });

  it('adds, replaces by name and removes, and serialises back', () => {
    let groups = upsertGroup([], { name: 'Metro', members: ['merseyside'] });
    groups = upsertGroup(groups, { name: 'Coast', members: ['cumbria'] });
    groups = upsertGroup(groups, { name: 'metro', members: ['merseyside', 'west-midlands'] });
    expect(groups).toEqual([
      { name: 'Coast', members: ['cumbria'] },
      { name: 'metro', members: ['merseyside', 'west-midlands'] },
    ]);
    expect(parseStoredGroups(serialiseGroups(groups))).toEqual(groups);
    expect(removeGroup(groups, 'METRO')).toEqual([{ name: 'Coast', members: ['cumbria'] }]);
  });
});

describe('members of a choice', () => {
  it('resolves the region, all forces and a named group (dropping unknown ids)', () => {
    expect(peerMembers({ kind: 'region' }, 'cheshire', forces)).toEqual(['cheshire', 'cumbria', 'merseyside']);
    expect(peerMembers({ kind: 'all' }, 'cheshire', forces)).toHaveLength(4);
    const named = { kind: 'named' as const, name: 'Mixed', members: ['merseyside', 'atlantis'] };
    expect(peerMembers(named, 'cheshire', forces)).toEqual(['merseyside']);
    expect(unknownMembers(named, forces)).toEqual(['atlantis']);
  });

  it('labels each choice', () => {
    expect(peerChoiceLabel({ kind: 'region' }, 'cheshire', forces)).toBe('North West (the force’s region)');
    expect(peerChoiceLabel({ kind: 'all' }, 'cheshire', forces)).toBe('All 4 forces');
    expect(peerChoiceLabel({ kind: 'named', name: 'Solo', members: ['cumbria'] }, 'cheshire', forces)).toBe('Solo (1 force)');
  });
});
