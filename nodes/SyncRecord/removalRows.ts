/**
 * The night's rows of the "Removal log": one per person locked, deleted, unlocked or held, with
 * the reason and the approval code that let a held removal through. A preview removes nobody and
 * logs nothing. Pure.
 */
import type { IDataObject } from 'n8n-workflow';

import { REMOVAL_ACTIONS, type RemovalAction, type RemovalLogRow } from '../shared/syncHistory';
import { outcomeOf, type SyncOutcome } from '../shared/syncOutcome';
import type { NightFacts } from './historyRow';

const DEFAULT_REASONS: Record<RemovalAction, string> = {
	locked: 'not in the source any more',
	deleted: 'not in the source any more',
	unlocked: 'back in the source',
	held: 'held by the safety limits',
};

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/**
 * Who an item is about. Learnifier's items name the person on the outcome (from Reconcile's key),
 * or are the Learnifier user; GoPublic's carry the member's uuids (joined by `|`, as its memory
 * keys them) and a name when the source had one; Reconcile's held items carry `key`.
 */
export function personOf(item: IDataObject, outcome: SyncOutcome): { key: string; name: string } {
	const uuids = Array.isArray(item.uuids) ? item.uuids.map(String).join('|') : '';
	const key = outcome.key ?? (uuids || text(item.key) || text(item.externalId));
	const source = (item.source as IDataObject | undefined) ?? item;
	const fullName = [source.firstName, source.lastName].filter(Boolean).join(' ');
	return { key, name: outcome.name ?? (fullName || text(item.name)) };
}

/** Who tonight's approval let through, and under which code (from the "approved" note items). */
function approvalsOf(items: readonly IDataObject[]): Map<string, string> {
	const approved = new Map<string, string>();
	for (const item of items) {
		if (outcomeOf(item)?.action !== 'approved' || !Array.isArray(item.approvedKeys)) continue;
		for (const key of item.approvedKeys) approved.set(String(key), text(item.approvalCode));
	}
	return approved;
}

const isRemoval = (action: string): action is RemovalAction =>
	(REMOVAL_ACTIONS as readonly string[]).includes(action);

type LogFacts = Pick<
	NightFacts,
	'endedAt' | 'workflowId' | 'workflowName' | 'customer' | 'target' | 'executionId'
>;

/** Each log row with the item it came from, for pairedItem. */
export function removalRows(
	items: readonly IDataObject[],
	facts: LogFacts,
): Array<{ row: RemovalLogRow; item: number }> {
	const approvals = approvalsOf(items);
	const rows: Array<{ row: RemovalLogRow; item: number }> = [];
	items.forEach((item, index) => {
		const outcome = outcomeOf(item);
		if (!outcome || outcome.preview || !isRemoval(outcome.action)) return;
		const { key, name } = personOf(item, outcome);
		const removal = outcome.action === 'locked' || outcome.action === 'deleted';
		rows.push({
			item: index,
			row: {
				at: facts.endedAt,
				workflowId: facts.workflowId,
				workflowName: facts.workflowName,
				customer: facts.customer,
				target: facts.target,
				key,
				name,
				action: outcome.action,
				reason: outcome.reason ?? DEFAULT_REASONS[outcome.action],
				approvalCode: removal ? (approvals.get(key) ?? '') : '',
				executionId: facts.executionId,
			},
		});
	});
	return rows;
}
