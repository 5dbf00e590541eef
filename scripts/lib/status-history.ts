import type { CanonicalStatus } from '../../src/lib/data/schema';
import { EVIDENCE_BY_STATUS } from './illustrative-evidence';
import type { ForceTraits } from './pace-factors';
import { logNormalFactor, pick, uniform, type Random } from './seeded-random';

/** When one recommendation was made, when it is due and when its status may be reported (all in epoch days). */
export interface PairTimeline {
  readonly published: number;
  readonly due: number | null;
  /** Reporting dates, ascending, after `published` (quarter ends, or month ends for synthetic data). */
  readonly checkpoints: readonly number[];
}

/** One reported status of one recommendation for one force. */
export interface HistoryEntry {
  readonly asOf: number;
  readonly status: CanonicalStatus;
  readonly evidence: string | null;
}

/** Statuses after which a history stops: nothing later overrides them. */
const FINAL_STATUSES: ReadonlySet<CanonicalStatus> = new Set(['complete', 'superseded', 'not_applicable']);
const QUARTER_DAYS = 91;
/** Recommendations with no deadline are treated as if given a year. */
const DAYS_ALLOWED_WITHOUT_DEADLINE = 365;
/** "With immediate effect" still takes some time in practice. */
const MIN_DAYS_ALLOWED = 60;
/** Forces plan to finish inside the deadline... */
const PLANNED_SHARE_OF_DEADLINE = 1.1;
/** ...with a wide spread, so some finish early and some run late. */
const COMPLETION_SPREAD = 0.5;
/** Work that takes months whatever the deadline ("with immediate effect" items are rarely done at once). */
const TYPICAL_OVERHEAD_DAYS = 120;
const OVERHEAD_SPREAD = 0.6;
/** How much longer a stalled item takes (each force's stall rate says how many stall): a long tail of overdue ones. */
const STALL_FACTOR_RANGE = [3, 9] as const;
const PENDING_CLOSURE_SHARE = 0.85;
const SUPERSEDED_SHARE = 0.02;
const NOT_APPLICABLE_SHARE = 0.01;
/** Chance, at each checkpoint before a force's first report, that it still has not reported. */
const LATE_FIRST_REPORT_RATE = 0.35;
const MAX_SKIPPED_CHECKPOINTS = 8;
/** Repeated statuses often come without a new comment. */
const REPEAT_WITHOUT_EVIDENCE_RATE = 0.4;

/** Days after publication at which each stage is reached. */
interface Milestones {
  readonly started: number;
  readonly pending: number;
  readonly complete: number;
  readonly alternative: { readonly status: 'superseded' | 'not_applicable'; readonly after: number } | null;
}

function drawMilestones(timeline: PairTimeline, traits: ForceTraits, random: Random): Milestones {
  const allowed =
    timeline.due === null
      ? DAYS_ALLOWED_WITHOUT_DEADLINE
      : Math.max(timeline.due - timeline.published, MIN_DAYS_ALLOWED);
  // Forces aim inside the deadline, but fixed overheads and their pace push many past it.
  const stall = random() < traits.stallRate ? uniform(random, ...STALL_FACTOR_RANGE) : 1;
  const complete =
    traits.pace *
    stall *
    (PLANNED_SHARE_OF_DEADLINE * allowed * logNormalFactor(random, COMPLETION_SPREAD) +
      TYPICAL_OVERHEAD_DAYS * logNormalFactor(random, OVERHEAD_SPREAD));
  const started = complete * uniform(random, 0.05, 0.4);
  // Sign-off usually lags the force's own "done" by one to three quarters.
  const pending =
    random() < PENDING_CLOSURE_SHARE
      ? Math.max(started, complete - QUARTER_DAYS * (1 + Math.floor(random() * 3)))
      : complete;
  const ending = random();
  let alternative: Milestones['alternative'] = null;
  if (ending < SUPERSEDED_SHARE) {
    alternative = { status: 'superseded', after: complete * uniform(random, 0.2, 0.9) };
  } else if (ending < SUPERSEDED_SHARE + NOT_APPLICABLE_SHARE) {
    alternative = { status: 'not_applicable', after: uniform(random, 0, 120) };
  }
  return { started, pending, complete, alternative };
}

function statusAfter(days: number, milestones: Milestones): CanonicalStatus {
  const { alternative } = milestones;
  if (alternative !== null && days >= alternative.after) return alternative.status;
  if (days >= milestones.complete) return 'complete';
  if (days >= milestones.pending) return 'pending_closure';
  if (days >= milestones.started) return 'in_progress';
  return 'not_started';
}

/**
 * The illustrative status history of one recommendation for one force: a row whenever the status
 * has changed since the last row, and sometimes a repeat at a checkpoint with no change. The first
 * report can come several checkpoints late (until then the status is "no update"), and the history
 * stops at complete, superseded or not applicable, so none of those is ever followed by another status.
 * A force whose tracker stopped being updated reports nothing after its last report.
 */
export function statusHistory(timeline: PairTimeline, traits: ForceTraits, random: Random): HistoryEntry[] {
  const milestones = drawMilestones(timeline, traits, random);
  let skipped = 0;
  while (skipped < MAX_SKIPPED_CHECKPOINTS && random() < LATE_FIRST_REPORT_RATE) skipped++;

  const entries: HistoryEntry[] = [];
  let last: CanonicalStatus | null = null;
  for (let i = skipped; i < timeline.checkpoints.length; i++) {
    const asOf = timeline.checkpoints[i]!;
    if (traits.lastReport !== null && asOf > traits.lastReport) break;
    const status = statusAfter(asOf - timeline.published, milestones);
    if (status !== last) {
      entries.push({ asOf, status, evidence: pick(random, EVIDENCE_BY_STATUS[status]) });
    } else if (random() < traits.repeatRate) {
      const evidence = random() < REPEAT_WITHOUT_EVIDENCE_RATE ? null : pick(random, EVIDENCE_BY_STATUS[status]);
      entries.push({ asOf, status, evidence });
    }
    last = status;
    if (FINAL_STATUSES.has(status)) break;
  }
  return entries;
}
