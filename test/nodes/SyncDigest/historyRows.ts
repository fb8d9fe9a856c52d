/**
 * Rows of the Sync history table for the digest's tests, whole (every column of HistoryRow), so a
 * test names only what its case is about.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	HISTORY_COUNTS,
	SYNC_RECORD_NODE_TYPE,
	type HistoryRow,
} from '../../../nodes/shared/syncHistory';

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

type Given = Omit<Partial<HistoryRow>, 'startedAt'> &
	Pick<HistoryRow, 'workflowId' | 'outcome'> & { startedAt: Date };

let executions = 100;

/** One night's row; ended five minutes after it started. */
export function historyRow({ startedAt, ...given }: Given): HistoryRow {
	const executionId = given.executionId ?? String(++executions);
	const counts = Object.fromEntries(HISTORY_COUNTS.map((count) => [count, 0])) as Record<
		(typeof HISTORY_COUNTS)[number],
		number
	>;
	return {
		...counts,
		startedAt: startedAt.toISOString(),
		endedAt: new Date(startedAt.getTime() + 5 * MINUTE).toISOString(),
		workflowName: `Nightly ${given.workflowId}`,
		customer: '',
		target: 'Learnifier',
		mode: 'apply',
		trigger: 'scheduled',
		summary: '',
		reason: '',
		heldCode: '',
		skippedReasons: '{}',
		executionId,
		executionUrl: `http://127.0.0.1:5678/workflow/${given.workflowId}/executions/${executionId}`,
		...given,
	};
}

/** The row as n8n's Data table node (1.1) puts it out: with its id and ISO times. */
export function asTableRow(row: HistoryRow, id: number): IDataObject {
	const at = new Date().toISOString();
	return { id, createdAt: at, updatedAt: at, ...row };
}

/** A workflow as n8n's "n8n" node lists it; `recorded`: it has a Sync Record node. */
export function listedWorkflow(id: string, name: string, recorded = true): IDataObject {
	const nodes: IDataObject[] = [
		{ name: 'Every Night', type: 'n8n-nodes-base.scheduleTrigger' },
		...(recorded ? [{ name: 'Sync Record', type: SYNC_RECORD_NODE_TYPE }] : []),
	];
	return { id, name, active: true, nodes, connections: {}, settings: {} };
}
