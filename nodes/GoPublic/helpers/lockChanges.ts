/**
 * The lock changes of a night, sent after the import: leavers locked, and members who are back
 * but could not be imported (skipped, or refused by GoPublic) unlocked on their own, so that
 * nobody present stays locked because their record is incomplete. One item per change.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { doneOutcome, forRecord, withOutcome, type SyncOutcome } from '../../shared/syncOutcome';
import type { RequestStats } from '../../shared/http/sendWithRetry';
import { sendMembers } from '../transport/sendMembers';
import { describeMember } from './buildMember';
import type { ImportOptions } from './importOptions';
import { uuidsOfKey } from './leaverMemory';
import type { WriteResult } from './rememberNight';

export interface LockChanges {
	items: INodeExecutionData[];
	/** How GoPublic answered each change, by memory key. */
	results: Map<string, WriteResult>;
}

/** An answer that does not say what was done ('unconfirmed') may or may not have been done. */
export function writeResultOf(outcome: SyncOutcome): WriteResult {
	if (outcome.action === 'unconfirmed') return 'lost';
	if (outcome.action !== 'failed') return 'took';
	return outcome.refusedAsWhole ? 'lost' : 'refused';
}

function changeItem(
	context: IExecuteFunctions,
	key: string,
	outcome: SyncOutcome,
	lock: boolean,
): INodeExecutionData {
	const uuids = uuidsOfKey(key);
	const json: IDataObject = { uuids, status: outcome.action };
	if (lock) json.leftSource = true;
	return {
		json: withOutcome(json, forRecord(outcome, { record: describeMember(uuids) })),
		pairedItem: context.getInputData().map((_, item) => ({ item })),
	};
}

/** Reports the locks a real run would send, and sends nothing (manual runs, previews). */
export function wouldLock(context: IExecuteFunctions, keys: string[]): INodeExecutionData[] {
	return keys.map((key) => changeItem(context, key, doneOutcome('wouldLock'), true));
}

/** Sends `lockForDeletion: lock` for each of these members (keys: uuids joined by `|`). */
export async function sendLockChanges(
	context: IExecuteFunctions,
	keys: string[],
	lock: boolean,
	options: ImportOptions,
	stats: RequestStats,
): Promise<LockChanges> {
	if (keys.length === 0) return { items: [], results: new Map() };
	const report = await sendMembers(
		context,
		keys.map((key) => ({ uuids: uuidsOfKey(key), lockForDeletion: lock })),
		{
			batchSize: options.batchSize,
			action: lock ? 'Locking members that left' : 'Unlocking members who are back',
			stopOnRefusedBatch: !context.continueOnFail(),
			stats,
		},
	);
	const results = new Map<string, WriteResult>();
	const items = keys.map((key, i) => {
		const outcome = report.outcomes[i];
		results.set(key, writeResultOf(outcome));
		const told = lock || outcome.action === 'failed' ? outcome : doneOutcome('unlocked');
		return changeItem(context, key, told, lock);
	});
	return { items, results };
}
