/**
 * "Lock Members That Left": who left since the last successful import, the guard against locking
 * half the organisation because the input was cut short, and the locking itself.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { findDeletionGuardViolation } from '../../../shared/deletionGuard';
import { findLeavers, readRememberedMembers, rememberMembers } from '../../helpers/leaverMemory';
import { sendMembers } from '../../transport/sendMembers';
import { OPTION_NAMES, type ImportOptions } from './options';
import { syncOutcome } from './memberResults';

export interface LeaverPlan {
	staticData: IDataObject;
	/** False for manual (editor) runs: n8n does not keep their static data, so they only report. */
	active: boolean;
	leavers: string[][];
	/** The members of this run's input, remembered once the run succeeds. */
	current: string[][];
}

const HOW_TO_ALLOW =
	`If these members really left, raise "${OPTION_NAMES.maxLocks}" or "${OPTION_NAMES.maxLockPercent}", ` +
	`or turn on "${OPTION_NAMES.allowMassLocking}" under Options of this GoPublic node.`;

/** Plans the locks and stops the run, before anything is sent, when there are too many. */
export function planLeaverLocks(context: IExecuteFunctions, current: string[][], options: ImportOptions): LeaverPlan {
	const staticData = context.getWorkflowStaticData('node');
	const remembered = readRememberedMembers(staticData);
	const present = new Set(current.flat());
	const leavers = remembered ? findLeavers(remembered, present) : [];
	if (!options.allowMassLocking) {
		const violation = findDeletionGuardViolation(
			{
				deletions: leavers.length,
				sourceCount: current.length,
				targetCount: remembered?.length ?? 0,
			},
			options.limits,
			HOW_TO_ALLOW,
		);
		if (violation) {
			throw new NodeOperationError(context.getNode(), violation.replace(/records/g, 'members'), {
				description: `${leavers.length} of the ${remembered?.length ?? 0} members imported by the last successful run are missing from this run's ${current.length} items. Nothing was sent to GoPublic.`,
			});
		}
	}
	return {
		staticData,
		active: context.getMode() !== 'manual',
		leavers,
		current,
	};
}

/** Locks the leavers (active runs only) and returns one item per leaver. */
export async function lockLeavers(
	context: IExecuteFunctions,
	plan: LeaverPlan,
	options: ImportOptions,
): Promise<{ items: INodeExecutionData[]; allAnswered: boolean }> {
	const pairedItem = context.getInputData().map((_, item) => ({ item }));
	const item = (json: IDataObject): INodeExecutionData => ({
		json: { ...json, leftSource: true, _sync: syncOutcome(json.status as string, json.message as string | undefined) },
		pairedItem,
	});
	if (!plan.active) {
		return {
			items: plan.leavers.map((uuids) => item({ uuids, status: 'wouldLock' })),
			allAnswered: false,
		};
	}
	if (plan.leavers.length === 0) return { items: [], allAnswered: true };
	const report = await sendMembers(
		context,
		plan.leavers.map((uuids) => ({ uuids, lockForDeletion: true })),
		{
			batchSize: options.batchSize,
			action: 'Locking members that left',
			stopOnRefusedBatch: !context.continueOnFail(),
		},
	);
	const items = plan.leavers.map((uuids, i) => {
		const { status, message } = report.outcomes[i];
		return item(message === undefined ? { uuids, status } : { uuids, status, message });
	});
	return { items, allAnswered: report.everyBatchAnswered };
}

/** Remembers this run's members, so the next run can tell who left. Active runs only. */
export function rememberThisRun(plan: LeaverPlan): void {
	if (plan.active) rememberMembers(plan.staticData, plan.current);
}
