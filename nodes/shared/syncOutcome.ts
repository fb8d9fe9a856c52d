/**
 * The outcome contract: what every writing node puts on each output item under `_sync`, and what
 * the Sync Summary node counts. One type, one builder per kind of outcome, item numbers from 1
 * as the editor shows them. Our items never carry a top-level `error` field: with Retry On Fail
 * and Continue On Fail, n8n runs a node again when its first output item has `json.error`, which
 * for a write node would send every write twice.
 */
import { NodeApiError, type IDataObject, type INodeExecutionData } from 'n8n-workflow';

export const SYNC_FIELD = '_sync';

/**
 * - created … unchanged: what the target holds now.
 * - sent: the target took the write (2xx) and said nothing more about this record.
 * - unconfirmed: the target took the write (2xx) but said something about this record we cannot
 *   read (a status we do not know): not counted as done, not as failed, listed with its words.
 * - skipped: nothing was sent, because the source cannot complete the record for this target
 *   (or it cannot be matched safely); the source must be corrected.
 * - failed: the write was sent, or tried, and did not go through.
 * - stopped: a deletion guard held the whole night back; nothing was written.
 * - wouldLock: a manual run's or a preview's report of a member a real run would lock.
 * - wouldCreate … wouldSend: a preview's report of a write a real run would make (nothing sent).
 * - held: a removal the deletion guard held back; the creates and updates went through.
 * - approved: held removals the admin's approval code let through tonight (one note item).
 */
export const SYNC_ACTIONS = [
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
	'wouldLock',
	'wouldCreate',
	'wouldUpdate',
	'wouldRemove',
	'wouldSend',
	'held',
	'approved',
] as const;

export type SyncAction = (typeof SYNC_ACTIONS)[number];

/** Actions that are a write the target received or was asked to take. */
export const WRITE_ACTIONS: readonly SyncAction[] = [
	'created',
	'updated',
	'locked',
	'unlocked',
	'deleted',
	'sent',
	'unconfirmed',
	'failed',
];

export interface SyncOutcome {
	action: SyncAction;
	/** The record in words an admin recognises, e.g. `external ID "10377" (Anna Berg)`. */
	record?: string;
	/** The input item's number, from 1. */
	item?: number;
	/** The field the reason is about, where known. */
	field?: string;
	reason?: string;
	/** The target refused the work as a whole (key, address, IP whitelist, service down), not this record. */
	refusedAsWhole?: boolean;
	/** For updates: the fields that were changed. */
	fields?: string[];
	/** Reported by a preview: nothing was written. */
	preview?: boolean;
	/** The person's key in the sync (the external ID), where the item does not carry it itself. */
	key?: string;
	/** The person's name, where the item does not carry it itself. */
	name?: string;
}

/** Where a record came from and what it is called; every field optional. */
export interface RecordRef {
	itemIndex?: number;
	record?: string;
	field?: string;
}

function withRef(action: SyncAction, ref: RecordRef, reason?: string): SyncOutcome {
	const outcome: SyncOutcome = { action };
	if (ref.record !== undefined) outcome.record = ref.record;
	if (ref.itemIndex !== undefined) outcome.item = ref.itemIndex + 1;
	if (ref.field !== undefined) outcome.field = ref.field;
	if (reason !== undefined && reason !== '') outcome.reason = reason;
	return outcome;
}

export function doneOutcome(action: SyncAction, reason?: string): SyncOutcome {
	return withRef(action, {}, reason);
}

export function updatedOutcome(fields: string[]): SyncOutcome {
	return { action: 'updated', fields };
}

export function skippedOutcome(ref: RecordRef, reason: string): SyncOutcome {
	return withRef('skipped', ref, reason);
}

export function failedOutcome(ref: RecordRef, reason: string, refusedAsWhole = false): SyncOutcome {
	const outcome = withRef('failed', ref, reason);
	if (refusedAsWhole) outcome.refusedAsWhole = true;
	return outcome;
}

export function stoppedOutcome(reason: string): SyncOutcome {
	return withRef('stopped', {}, reason);
}

/** What a preview reports of one record: a write a real run would make, or a held removal. */
export function previewOutcome(outcome: SyncOutcome): SyncOutcome {
	return { ...outcome, preview: true };
}

/** The outcome told of one record: its item number and name added, its own field kept. */
export function forRecord(outcome: SyncOutcome, ref: RecordRef): SyncOutcome {
	const told = withRef(
		outcome.action,
		{ ...ref, field: outcome.field ?? ref.field },
		outcome.reason,
	);
	if (outcome.refusedAsWhole) told.refusedAsWhole = true;
	if (outcome.preview) told.preview = true;
	return told;
}

/** A failed outcome from a caught error: its message as the reason, refusals as a whole told apart. */
export function failedFromError(ref: RecordRef, error: Error): SyncOutcome {
	return failedOutcome(ref, error.message, isRefusalAsWhole(error));
}

/**
 * A refusal of the work as a whole, not of one record: the key or address is wrong (401, 403,
 * 404, 407), the service is down after our retries (5xx), or it could not be reached at all.
 */
export function isRefusalAsWhole(error: unknown): boolean {
	const apiError = apiErrorIn(error);
	if (!apiError) return false;
	const status = Number(apiError.httpCode);
	if (!Number.isFinite(status) || status === 0) return true;
	return [401, 403, 404, 407].includes(status) || status >= 500;
}

/** The API error itself, or one wrapped as the cause of another error (a few levels deep). */
function apiErrorIn(error: unknown): NodeApiError | undefined {
	let found = error;
	for (let depth = 0; depth < 5 && found instanceof Error; depth++) {
		if (found instanceof NodeApiError) return found;
		found = (found as { cause?: unknown }).cause;
	}
	return undefined;
}

/** The JSON of an output item: the record's own fields (if any) and its outcome. */
export function withOutcome(fields: IDataObject, outcome: SyncOutcome): IDataObject {
	return { ...fields, [SYNC_FIELD]: outcome as unknown as IDataObject };
}

/**
 * One line for a summary or an error: `Item 4, uuid 10377 (Anna Berg): "email" is required for a
 * new member`. Reasons name their field in words; `field` is there for whoever reads the data.
 */
export function describeOutcome(outcome: SyncOutcome): string {
	const where = [outcome.item !== undefined ? `Item ${outcome.item}` : undefined, outcome.record]
		.filter(Boolean)
		.join(', ');
	const what = outcome.reason ?? 'no reason given';
	return where ? `${where}: ${what}` : what;
}

/** The outcome an item carries, if it follows the contract. */
export function outcomeOf(json: IDataObject): SyncOutcome | undefined {
	const value = json[SYNC_FIELD] as SyncOutcome | undefined;
	return value && typeof value === 'object' && typeof value.action === 'string' ? value : undefined;
}

/**
 * Every outcome on these items marked as a preview's (unchanged, skipped, held, stopped ones too).
 * Items that share one outcome object (Reconcile's Unchanged) share one frozen preview copy.
 */
export function markedAsPreview(items: INodeExecutionData[]): INodeExecutionData[] {
	const copies = new Map<SyncOutcome, SyncOutcome>();
	return items.map((item) => {
		const outcome = outcomeOf(item.json);
		if (!outcome) return item;
		let copy = copies.get(outcome);
		if (!copy) copies.set(outcome, (copy = Object.freeze(previewOutcome(outcome))));
		return { ...item, json: { ...item.json, [SYNC_FIELD]: copy as unknown as IDataObject } };
	});
}
