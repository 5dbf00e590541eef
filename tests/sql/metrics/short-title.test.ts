import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { openNodeConnector } from '../../../src/lib/db/node-connector';
import { shortTitleSql } from '../../../src/lib/metrics/common/short-title.sql';
import { rowsOf } from '../../../src/lib/metrics/common/rows';

/** Short names of real report titles, as chart labels show them. */
let db: Connector;
beforeAll(async () => {
  db = await openNodeConnector();
}, 120_000);

const short = async (title: string) =>
  rowsOf<{ s: string }>(await db.query(`SELECT ${shortTitleSql('$1')} AS s`, [title]))[0]!.s;

describe('a report’s short name', () => {
  it.each([
    ['An inspection of vetting, misconduct, and misogyny in the police service', 'Vetting, misconduct, and misogyny in the police service'],
    ['Police response to violence against women and girls: Final inspection report', 'Police response to violence against women and girls'],
    ['Disproportionate use of police powers – A spotlight on stop and search and the use of force', 'Disproportionate use of police powers'],
    ['An inspection into activism and impartiality in policing', 'Activism and impartiality in policing'],
    ['An inspection of the effectiveness of the police and law enforcement bodies’ response to group-based child sexual exploitation in England and Wales', 'The effectiveness of the police and law enforcement…'],
    ['Inspection one', 'Inspection one'],
  ])('%s → %s', async (title, expected) => {
    expect(await short(title)).toBe(expected);
  });
});
