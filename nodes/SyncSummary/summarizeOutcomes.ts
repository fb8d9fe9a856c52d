/**
 * Counts what a sync run did, from the items our nodes put out: every write result carries
 * `_sync: { action, reason? }` (Learnifier, GoPublic, Reconcile's Unchanged and Skipped outputs),
 * and an item that failed under "Continue On Fail" carries `error`. Pure: no n8n imports.
 */
export type Outcome = 'created' | 'updated' | 'locked' | 'deleted' | 'unchanged' | 'skipped' | 'failed';

/** The order an admin reads a summary in; other actions (e.g. "unlocked") follow these. */
export const OUTCOME_ORDER: readonly string[] = ['created', 'updated', 'locked', 'deleted', 'unchanged', 'skipped', 'failed'];

export interface RunSummary {
	/** One line, e.g. "30 created, 35 updated, 12 locked, 1,400 unchanged, 3 skipped, 1 failed". */
	summary: string;
	/** Count per action, known actions always present (0 when none). */
	counts: Record<string, number>;
	/** Why records were skipped: each reason once, with its count (at most `maxReasons`, then "... and N more"). */
	skipped: string[];
	/** Why records failed, in the same form. */
	failed: string[];
	/** Items that carried neither `_sync` nor `error`: they were not counted. */
	notCounted: number;
}

type Record_ = Record<string, unknown>;

function reasonOf(item: Record_, sync: Record_ | undefined): string {
	const reason = item.error ?? sync?.reason ?? item.reason ?? item.message;
	return typeof reason === 'string' && reason !== '' ? reason : 'no reason given';
}

/**
 * Each distinct reason once, in the order first seen, with how many records it applies to (one
 * shared e-mail skips both people and their target records: one line, not four).
 */
function reasonLines(reasons: string[], maxReasons: number): string[] {
	const counts = new Map<string, number>();
	for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
	const lines = [...counts].map(([reason, count]) => (count === 1 ? reason : `${reason} (${count} records)`));
	if (lines.length <= maxReasons) return lines;
	return [...lines.slice(0, maxReasons), `... and ${(lines.length - maxReasons).toLocaleString('en-US')} more`];
}

export function summarizeOutcomes(items: readonly Record_[], maxReasons = 100): RunSummary {
	const counts: Record<string, number> = Object.fromEntries(OUTCOME_ORDER.map((outcome) => [outcome, 0]));
	const skipped: string[] = [];
	const failed: string[] = [];
	let notCounted = 0;
	for (const item of items) {
		const sync = item._sync as Record_ | undefined;
		const action = item.error !== undefined ? 'failed' : (sync?.action as string | undefined);
		if (!action) {
			notCounted++;
			continue;
		}
		counts[action] = (counts[action] ?? 0) + 1;
		if (action === 'failed') failed.push(reasonOf(item, sync));
		if (action === 'skipped') skipped.push(reasonOf(item, sync));
	}
	const summary = Object.entries(counts)
		.filter(([, count]) => count > 0)
		.map(([action, count]) => `${count.toLocaleString('en-US')} ${action}`)
		.join(', ');
	return {
		summary: summary || 'nothing to report',
		counts,
		skipped: reasonLines(skipped, maxReasons),
		failed: reasonLines(failed, maxReasons),
		notCounted,
	};
}
