import { openNodeConnector } from '../../../src/lib/db/node-connector';
import type { Connector } from '../../../src/lib/db/connector';
import { CREATE_TABLES } from '../../../src/lib/data/schema';
import { refreshPreaggregates } from '../../../src/lib/metrics/preagg/refresh-preaggregates';

/**
 * A tiny world whose answers are worked out by hand in metrics.test.ts.
 *
 * Forces: a and b in North, c in South.
 * I1 published 2024-01-10: R1 due 2024-03-31; R2 "With immediate effect" (due 2024-01-10);
 *   R3 not for forces. I2 published 2024-06-01: R1 due 2024-12-31.
 */
export async function openFixture(): Promise<Connector> {
  const db = await openNodeConnector();
  for (const ddl of CREATE_TABLES) await db.query(ddl);
  await db.query(`INSERT INTO forces VALUES
    ('a', 'Force A', 'North', 'England', 'E1', []),
    ('b', 'Force B', 'North', 'England', 'E2', []),
    ('c', 'Force C', 'South', 'England', 'E3', [])`);
  await db.query(`INSERT INTO inspections VALUES
    ('I1', 'Inspection one', DATE '2024-01-10', 'national thematic', NULL),
    ('I2', 'Inspection two', DATE '2024-06-01', 'national thematic', NULL)`);
  await db.query(`INSERT INTO recommendations VALUES
    ('I1', 1, 'Do one thing', 'Chief constables', true, 'By 31 March 2024', DATE '2024-03-31', NULL),
    ('I1', 2, 'Do it now', 'Chief constables', true, 'With immediate effect', DATE '2024-01-10', NULL),
    ('I1', 3, 'Not for forces', 'Home Office', false, 'By 31 March 2024', DATE '2024-03-31', NULL),
    ('I2', 1, 'Later thing', 'Chief constables', true, 'By 31 December 2024', DATE '2024-12-31', NULL)`);
  await db.query(`INSERT INTO status_updates VALUES
    -- a/I1/R1: completed exactly on its deadline.
    (1, 'a', 'I1', 1, 'in_progress',     DATE '2024-02-01', NULL, 'test'),
    (2, 'a', 'I1', 1, 'complete',        DATE '2024-03-31', NULL, 'test'),
    -- a/I1/R2: immediate effect, complete on publication day.
    (3, 'a', 'I1', 2, 'complete',        DATE '2024-01-10', NULL, 'test'),
    -- b/I1/R1: two updates on one date; the later-loaded (complete) stands. Late.
    (4, 'b', 'I1', 1, 'pending_closure', DATE '2024-04-15', NULL, 'test'),
    (5, 'b', 'I1', 1, 'complete',        DATE '2024-04-15', NULL, 'test'),
    -- b/I1/R2: two updates on one date; the later-loaded (in_progress) stands.
    (7, 'b', 'I1', 2, 'in_progress',     DATE '2024-05-01', NULL, 'test'),
    (6, 'b', 'I1', 2, 'complete',        DATE '2024-05-01', NULL, 'test'),
    -- c/I1/R1: superseded, so out of scope. c/I1/R2: no update ever.
    (8, 'c', 'I1', 1, 'superseded',      DATE '2024-02-01', NULL, 'test'),
    -- a/I2/R1: reported done, sign-off awaited.
    (9, 'a', 'I2', 1, 'pending_closure', DATE '2024-06-30', NULL, 'test')`);
  await refreshPreaggregates(db);
  return db;
}
