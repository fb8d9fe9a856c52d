/**
 * The record every sync keeps of its nights, in two n8n Data Tables shared by all the sync
 * workflows of an n8n project: "Sync history" (one row per run, written by Sync Record through
 * the templates' Save History) and "Removal log" (one row per person locked, deleted, unlocked or
 * held). The morning digest reads them. Column names are the fields below, one to one: the
 * templates' Data table nodes map items to columns by name.
 */
import type { SyncAction } from './syncOutcome';

export const HISTORY_TABLE = 'Sync history';
export const REMOVAL_LOG_TABLE = 'Removal log';

/** Package name + node name: how a workflow's JSON names the node that keeps the record. */
export const SYNC_RECORD_NODE_TYPE = 'n8n-nodes-directory-sync.syncRecord';

/**
 * - ok: the night went through (some records may be skipped, the source must correct them).
 * - held: removals were held back for an approval; the creates and updates went through.
 * - failed: writes failed, record by record (the summary lists them).
 * - refused: a target refused the work as a whole (key, address, service down).
 * - stopped: stopped before anything was written (a deletion guard, an empty source), or the run
 *   ended with an error before its record was made (the error workflow records those).
 */
export const NIGHT_OUTCOMES = ['ok', 'held', 'failed', 'refused', 'stopped'] as const;
export type NightOutcome = (typeof NIGHT_OUTCOMES)[number];

/** Every count of the summary, one number column each. */
export const HISTORY_COUNTS = [
	'created',
	'updated',
	'locked',
	'unlocked',
	'deleted',
	'unchanged',
	'sent',
	'unconfirmed',
	'skipped',
	'failed',
	'stopped',
	'held',
	'wouldCreate',
	'wouldUpdate',
	'wouldRemove',
	'wouldSend',
	'wouldLock',
] as const satisfies readonly SyncAction[];
export type HistoryCount = (typeof HISTORY_COUNTS)[number];

export interface HistoryRow extends Record<HistoryCount, number> {
	/** ISO 8601. */
	startedAt: string;
	endedAt: string;
	workflowId: string;
	workflowName: string;
	/** Customer Settings' `customer`. */
	customer: string;
	/** What the workflow writes to, e.g. "Learnifier". */
	target: string;
	mode: 'apply' | 'preview';
	trigger: 'scheduled' | 'manual';
	outcome: NightOutcome;
	/** The summary line, e.g. "3 created, 1 locked, 398 unchanged, 4 skipped". */
	summary: string;
	/** Why the night was not ok (the first reason), or ''. */
	reason: string;
	/** The code that approves the held removals, or ''. */
	heldCode: string;
	/** Skipped records by reason, as JSON: `{"\"email\" is required for a new member": 12}`. */
	skippedReasons: string;
	executionId: string;
	/** The execution in n8n's editor. */
	executionUrl: string;
}

export const REMOVAL_ACTIONS = ['locked', 'deleted', 'unlocked', 'held'] as const;
export type RemovalAction = (typeof REMOVAL_ACTIONS)[number];

export interface RemovalLogRow {
	/** ISO 8601: when the night ended. */
	at: string;
	workflowId: string;
	workflowName: string;
	customer: string;
	target: string;
	/** The person's key in the sync: the external ID (Learnifier) or the uuids (GoPublic). */
	key: string;
	name: string;
	action: RemovalAction;
	reason: string;
	/** The approval code that let a held removal through tonight, or ''. */
	approvalCode: string;
	executionId: string;
}

type ColumnType = 'string' | 'number' | 'date';

/** The columns of "Sync history", in the order the templates create them. */
export const HISTORY_COLUMNS: ReadonlyArray<{ name: keyof HistoryRow; type: ColumnType }> = [
	{ name: 'startedAt', type: 'date' },
	{ name: 'endedAt', type: 'date' },
	{ name: 'customer', type: 'string' },
	{ name: 'target', type: 'string' },
	{ name: 'outcome', type: 'string' },
	{ name: 'summary', type: 'string' },
	{ name: 'reason', type: 'string' },
	{ name: 'mode', type: 'string' },
	{ name: 'trigger', type: 'string' },
	...HISTORY_COUNTS.map((name) => ({ name, type: 'number' as const })),
	{ name: 'heldCode', type: 'string' },
	{ name: 'skippedReasons', type: 'string' },
	{ name: 'workflowId', type: 'string' },
	{ name: 'workflowName', type: 'string' },
	{ name: 'executionId', type: 'string' },
	{ name: 'executionUrl', type: 'string' },
];

/** The columns of "Removal log", in the order the templates create them. */
export const REMOVAL_LOG_COLUMNS: ReadonlyArray<{ name: keyof RemovalLogRow; type: ColumnType }> = [
	{ name: 'at', type: 'date' },
	{ name: 'customer', type: 'string' },
	{ name: 'target', type: 'string' },
	{ name: 'key', type: 'string' },
	{ name: 'name', type: 'string' },
	{ name: 'action', type: 'string' },
	{ name: 'reason', type: 'string' },
	{ name: 'approvalCode', type: 'string' },
	{ name: 'workflowId', type: 'string' },
	{ name: 'workflowName', type: 'string' },
	{ name: 'executionId', type: 'string' },
];
