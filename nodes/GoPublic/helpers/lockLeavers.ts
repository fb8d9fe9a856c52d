import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { doneOutcome, forRecord, withOutcome, type SyncOutcome } from '../../shared/syncOutcome';
import type { RequestStats } from '../../shared/http/sendWithRetry';
import { sendMembers } from '../transport/sendMembers';
import { describeMember } from './buildMember';
import type { ImportOptions } from './importOptions';
import type { LeaverPlan } from './leaverPlan';

/** Locks the leavers (active runs only) and returns one item per leaver. */
export async function lockLeavers(
	context: IExecuteFunctions,
	plan: LeaverPlan,
	options: ImportOptions,
	stats: RequestStats,
): Promise<{ items: INodeExecutionData[]; allAnswered: boolean; locked: string[][] }> {
	const pairedItem = context.getInputData().map((_, item) => ({ item }));
	const item = (uuids: string[], outcome: SyncOutcome): INodeExecutionData => ({
		json: withOutcome(
			{ uuids, status: outcome.action, leftSource: true } as IDataObject,
			forRecord(outcome, { record: describeMember(uuids) }),
		),
		pairedItem,
	});
	if (!plan.active) {
		return {
			items: plan.leavers.map((uuids) => item(uuids, doneOutcome('wouldLock'))),
			allAnswered: false,
			locked: [],
		};
	}
	if (plan.leavers.length === 0) return { items: [], allAnswered: true, locked: [] };
	const report = await sendMembers(
		context,
		plan.leavers.map((uuids) => ({ uuids, lockForDeletion: true })),
		{
			batchSize: options.batchSize,
			action: 'Locking members that left',
			stopOnRefusedBatch: !context.continueOnFail(),
			stats,
		},
	);
	const items = plan.leavers.map((uuids, i) => item(uuids, report.outcomes[i]));
	// A lock GoPublic took without saying more ('sent') is a lock all the same.
	const locked = plan.leavers.filter((_, i) =>
		['locked', 'sent'].includes(report.outcomes[i].action),
	);
	return { items, allAnswered: report.everyBatchAnswered, locked };
}
