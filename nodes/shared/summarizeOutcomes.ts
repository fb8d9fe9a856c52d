/**
 * Counts what a sync run did, from the outcomes our nodes put on their items (`_sync`, see
 * nodes/shared/syncOutcome.ts). An item of another node that failed under "Continue On Fail"
 * carries n8n's `error` field instead: it counts as failed. Pure: no n8n engine calls.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	describeOutcome,
	outcomeOf,
	SYNC_ACTIONS,
	WRITE_ACTIONS,
	type SyncOutcome,
} from './syncOutcome';

/** Counted always (0 when none), in the order an admin reads them; rarer actions follow when seen. */
export const OUTCOME_ORDER: readonly string[] = SYNC_ACTIONS.filter(
	(action) =>
		!['unlocked', 'unconfirmed', 'approved', 'held'].includes(action) &&
		!action.startsWith('would'),
);

/** How many records of each kind a preview lists by name. */
const LISTED_PER_KIND = 10;

/** `wouldCreate` → `would create`; in a preview, `held` → `would hold`. */
function actionWords(action: string, preview: boolean): string {
	if (action.startsWith('would')) return `would ${action.slice(5).toLowerCase()}`;
	if (preview && action === 'held') return 'would hold';
	if (preview && action === 'stopped') return 'would stop';
	return action;
}

export interface RunSummary {
	/** One line, e.g. "30 created, 35 updated, 12 locked, 1,400 unchanged, 3 skipped, 1 failed". */
	summary: string;
	/** Count per action, the main actions always present (0 when none). */
	counts: Record<string, number>;
	/** Records left out because the source cannot complete them: each line once, with its count. */
	skipped: string[];
	/** Writes the target took but answered about in words we cannot read: not confirmed, not failed. */
	unconfirmed: string[];
	/** Writes that did not go through, one record each (refusals as a whole are in `refused`). */
	failed: string[];
	/** Why a target refused the work as a whole (wrong key, IP not whitelisted, service down). */
	refused: string[];
	/** Why a deletion guard stopped the night, with its numbers. */
	stopped: string[];
	/** Writes the targets were asked to take (created … sent, and failed). */
	writes: number;
	/** Failed writes that were refusals of the work as a whole. */
	refusedWrites: number;
	/** Items that carried no outcome: they were not counted. */
	notCounted: number;
	/** A preview's report: nothing was written. */
	preview: boolean;
	/** A preview's first records of each kind, with their changed fields. */
	wouldDo: string[];
	/** Removals the deletion guard held back, by name. */
	held: string[];
	/** Why they were held, and the approval code that lets exactly them through once. */
	heldBecause?: string;
	/** Held removals the admin's approval code let through tonight. */
	approved: string[];
}

/** Each distinct line once, in the order first seen, with how many records it applies to. */
function reasonLines(lines: string[], maxReasons: number): string[] {
	const counts = new Map<string, number>();
	for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
	const listed = [...counts].map(([line, count]) =>
		count === 1 ? line : `${line} (${count} records)`,
	);
	if (listed.length <= maxReasons) return listed;
	return [
		...listed.slice(0, maxReasons),
		`... and ${(listed.length - maxReasons).toLocaleString('en-US')} more`,
	];
}

/** `Would update key "p3" (Anna Berg): primaryEmail "a@x" → "b@x"` */
function wouldDoLine(outcome: SyncOutcome): string {
	const what = actionWords(outcome.action, true);
	const line = `${what[0].toUpperCase()}${what.slice(1)} ${outcome.record ?? 'a record'}`;
	return outcome.reason ? `${line}: ${outcome.reason}` : line;
}

/** The outcome of an item, also for items of other nodes that failed under Continue On Fail. */
function outcomeOfItem(item: IDataObject): SyncOutcome | undefined {
	const own = outcomeOf(item);
	if (own) return own;
	if (item.error === undefined) return undefined;
	const message =
		typeof item.error === 'string' ? item.error : (item.error as IDataObject)?.message;
	return { action: 'failed', reason: typeof message === 'string' ? message : 'no reason given' };
}

export function summarizeOutcomes(items: readonly IDataObject[], maxReasons = 100): RunSummary {
	const counts: Record<string, number> = Object.fromEntries(
		OUTCOME_ORDER.map((action) => [action, 0]),
	);
	const lines: Record<'skipped' | 'unconfirmed' | 'failed' | 'refused' | 'stopped', string[]> = {
		skipped: [],
		unconfirmed: [],
		failed: [],
		refused: [],
		stopped: [],
	};
	let writes = 0;
	let refusedWrites = 0;
	let notCounted = 0;
	let preview = false;
	const wouldDo = new Map<string, string[]>();
	const held: string[] = [];
	let heldBecause: string | undefined;
	const approved: string[] = [];
	for (const item of items) {
		const outcome = outcomeOfItem(item);
		if (!outcome) {
			notCounted++;
			continue;
		}
		if (outcome.preview) preview = true;
		if (outcome.action === 'approved') {
			approved.push(outcome.reason ?? 'approved');
			continue;
		}
		counts[outcome.action] = (counts[outcome.action] ?? 0) + 1;
		if (outcome.action === 'held') {
			held.push(outcome.record ?? describeOutcome(outcome));
			heldBecause ??= outcome.reason;
		}
		if (outcome.action.startsWith('would')) {
			const listed = wouldDo.get(outcome.action) ?? [];
			wouldDo.set(outcome.action, listed);
			if (listed.length < LISTED_PER_KIND) listed.push(wouldDoLine(outcome));
		}
		if (WRITE_ACTIONS.includes(outcome.action)) writes++;
		if (outcome.action === 'failed' && outcome.refusedAsWhole) {
			refusedWrites++;
			lines.refused.push(outcome.reason ?? 'no reason given');
		} else if (
			outcome.action === 'failed' ||
			outcome.action === 'skipped' ||
			outcome.action === 'unconfirmed' ||
			outcome.action === 'stopped'
		) {
			lines[outcome.action].push(describeOutcome(outcome));
		}
	}
	// What would be written comes first: it is what a preview is for.
	const wouldFirst = ([action]: [string, number]) => Number(!action.startsWith('would'));
	const summary = Object.entries(counts)
		.filter(([, count]) => count > 0)
		.sort((a, b) => wouldFirst(a) - wouldFirst(b))
		.map(([action, count]) => `${count.toLocaleString('en-US')} ${actionWords(action, preview)}`)
		.join(', ');
	const line = summary || 'nothing to report';
	return {
		summary: preview ? `Preview: ${line}` : line,
		counts,
		skipped: reasonLines(lines.skipped, maxReasons),
		unconfirmed: reasonLines(lines.unconfirmed, maxReasons),
		failed: reasonLines(lines.failed, maxReasons),
		refused: reasonLines(lines.refused, maxReasons),
		stopped: reasonLines(lines.stopped, maxReasons),
		writes,
		refusedWrites,
		notCounted,
		preview,
		wouldDo: [...wouldDo].flatMap(([action, lines]) => {
			const more = counts[action] - lines.length;
			const tail =
				more > 0
					? [`... and ${more.toLocaleString('en-US')} more ${actionWords(action, true)}`]
					: [];
			return [...lines, ...tail];
		}),
		// Why first: it holds the code the admin needs; the names can be long.
		...(heldBecause !== undefined ? { heldBecause } : {}),
		held: reasonLines(held, maxReasons),
		approved,
	};
}
