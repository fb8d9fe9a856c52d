/** The night's row of the "Sync history" table, from its results and where it ran. Pure. */
import type { IDataObject } from 'n8n-workflow';

import { HISTORY_COUNTS, type HistoryRow } from '../shared/syncHistory';
import { outcomeOf } from '../shared/syncOutcome';
import type { RunSummary } from '../shared/summarizeOutcomes';
import { nightOutcome } from './nightOutcome';

/** Where and when the night ran, and for whom. */
export type NightFacts = Pick<
	HistoryRow,
	| 'startedAt'
	| 'endedAt'
	| 'workflowId'
	| 'workflowName'
	| 'customer'
	| 'target'
	| 'trigger'
	| 'executionId'
	| 'executionUrl'
>;

/** Skipped records counted by reason (without the record), so that growth can be seen per reason. */
export function skippedByReason(items: readonly IDataObject[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const item of items) {
		const outcome = outcomeOf(item);
		if (outcome?.action !== 'skipped') continue;
		const reason = outcome.reason ?? 'no reason given';
		counts[reason] = (counts[reason] ?? 0) + 1;
	}
	return counts;
}

/** The code that approves tonight's held removals: on the held items (Reconcile, GoPublic). */
function heldCodeOf(items: readonly IDataObject[]): string {
	for (const item of items) {
		if (outcomeOf(item)?.action === 'held' && typeof item.approvalCode === 'string')
			return item.approvalCode;
	}
	return '';
}

export function historyRow(
	summary: RunSummary,
	items: readonly IDataObject[],
	facts: NightFacts,
): HistoryRow {
	const { outcome, reason } = nightOutcome(summary);
	const counts = Object.fromEntries(
		HISTORY_COUNTS.map((name) => [name, summary.counts[name] ?? 0]),
	) as Record<(typeof HISTORY_COUNTS)[number], number>;
	return {
		...facts,
		...counts,
		mode: summary.preview ? 'preview' : 'apply',
		outcome,
		summary: summary.summary,
		reason,
		heldCode: outcome === 'held' ? heldCodeOf(items) : '',
		skippedReasons: JSON.stringify(skippedByReason(items)),
	};
}
