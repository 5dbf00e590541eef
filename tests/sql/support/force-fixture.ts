import { openNodeConnector } from '../../../src/lib/db/node-connector';
import type { Connector } from '../../../src/lib/db/connector';
import { refreshPreaggregates } from '../../../src/lib/metrics/preagg/refresh-preaggregates';
import { CREATE_TABLES } from '../../../src/lib/data/schema';
import { defaultFilters, type Filters } from '../../../src/lib/metrics/common/filters';

/**
 * A five-force world for benchmarking, whose answers are worked out by hand in the force-* and
 * inspection-* tests. The main as-of date is D = 2024-06-30.
 *
 * Forces: a, b, c in North; d, e in South.
 * I1 published 2024-01-10: R1 due 2024-03-31; R2 "With immediate effect" (due 2024-01-10);
 *   R3 not for forces.
 * I2 published 2024-06-01: R1 due 2024-12-31 (deadline not passed on D).
 * I3 published 2024-02-01: only a recommendation not for forces.
 *
 *          I1 R1 (due 03-31)            I1 R2 (due 01-10)              I2 R1 (due 12-31)
 *   a   complete 03-01 (on time)      complete 01-10 (on time)       complete 06-15 (early)
 *   b   complete 03-31 (deadline day) pending_closure 02-01          –
 *   c   complete 04-01 (a day late)   –                              –
 *   d   in_progress 02-01             complete 05-01 (late)          –
 *   e   superseded 02-01              complete 01-10 (on time)       –
 *
 * Section 55 (I1 published 2024-01-10, so day 56 = 2024-03-05):
 *   a 2024-03-05 (day 56, on time); b 2024-03-06 (day 57, late); c recorded, date not known;
 *   d nothing recorded; e 2024-01-10 (day 1). I2 (day 56 = 2024-07-26): nothing recorded.
 */
export async function openForceFixture(): Promise<Connector> {
  const db = await openNodeConnector();
  for (const ddl of CREATE_TABLES) await db.query(ddl);
  await db.query(`INSERT INTO forces VALUES
    ('a', 'Force A', 'North', 'England', 'E1', []),
    ('b', 'Force B', 'North', 'England', 'E2', []),
    ('c', 'Force C', 'North', 'England', 'E3', []),
    ('d', 'Force D', 'South', 'England', 'E4', []),
    ('e', 'Force E', 'South', 'England', 'E5', [])`);
  await db.query(`INSERT INTO inspections VALUES
    ('I1', 'Inspection one', DATE '2024-01-10', 'national thematic', NULL),
    ('I2', 'Inspection two', DATE '2024-06-01', 'national thematic', NULL),
    ('I3', 'Inspection three', DATE '2024-02-01', 'national thematic', NULL)`);
  await db.query(`INSERT INTO recommendations VALUES
    ('I1', 1, 'Do one thing', 'Chief constables', true, 'By 31 March 2024', DATE '2024-03-31', NULL),
    ('I1', 2, 'Do it now', 'Chief constables', true, 'With immediate effect', DATE '2024-01-10', NULL),
    ('I1', 3, 'Not for forces', 'Home Office', false, 'By 31 March 2024', DATE '2024-03-31', NULL),
    ('I2', 1, 'Later thing', 'Chief constables', true, 'By 31 December 2024', DATE '2024-12-31', NULL),
    ('I3', 1, 'For the Home Office', 'Home Office', false, NULL, NULL, NULL)`);
  await db.query(`INSERT INTO status_updates VALUES
    (1,  'a', 'I1', 1, 'in_progress',     DATE '2024-02-01', 'Plan agreed', 'test'),
    (2,  'a', 'I1', 1, 'in_progress',     DATE '2024-02-15', NULL, 'test'),
    (3,  'a', 'I1', 1, 'complete',        DATE '2024-03-01', 'Signed off', 'test'),
    (4,  'a', 'I1', 2, 'complete',        DATE '2024-01-10', NULL, 'test'),
    (5,  'a', 'I2', 1, 'complete',        DATE '2024-06-15', NULL, 'test'),
    (6,  'b', 'I1', 1, 'in_progress',     DATE '2024-03-31', NULL, 'test'),
    (7,  'b', 'I1', 1, 'complete',        DATE '2024-03-31', NULL, 'test'),
    (8,  'b', 'I1', 2, 'pending_closure', DATE '2024-02-01', 'Evidence submitted', 'test'),
    (9,  'b', 'I1', 2, 'pending_closure', DATE '2024-03-01', NULL, 'tracker'),
    (10, 'c', 'I1', 1, 'complete',        DATE '2024-04-01', NULL, 'test'),
    (11, 'd', 'I1', 1, 'in_progress',     DATE '2024-02-01', NULL, 'test'),
    (12, 'd', 'I1', 2, 'complete',        DATE '2024-05-01', NULL, 'test'),
    (13, 'e', 'I1', 1, 'superseded',      DATE '2024-02-01', NULL, 'test'),
    (14, 'e', 'I1', 2, 'complete',        DATE '2024-01-10', NULL, 'test')`);
  await db.query(`INSERT INTO responses VALUES
    ('a', 'I1', DATE '2024-03-05', 'https://example.org/a', NULL),
    ('b', 'I1', DATE '2024-03-06', 'https://example.org/b', NULL),
    ('c', 'I1', NULL, NULL, 'publication date not known'),
    ('e', 'I1', DATE '2024-01-10', NULL, NULL)`);
  // As every load does: the views read the pre-aggregates.
  await refreshPreaggregates(db);
  return db;
}

export const D = '2024-06-30';

export const on = (asOf: string, more: Partial<Filters> = {}): Filters => ({ ...defaultFilters(asOf), ...more });
