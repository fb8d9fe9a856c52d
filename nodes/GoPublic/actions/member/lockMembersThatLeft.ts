/**
 * "Lock Members That Left": who left since the last successful import, the guard against locking
 * half the organisation because the input was cut short, and the locking itself.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { findDeletionGuardViolation } from '../../../shared/deletionGuard';
import { doneOutcome, forRecord, withOutcome } from '../../../shared/syncOutcome';
import { describeMember } from '../../helpers/buildMember';
import {
	findLeavers,
	findReturners,
	readLockedMembers,
	readRememberedMembers,
	rememberMembers,
} from '../../helpers/leaverMemory';
import { sendMembers } from '../../transport/sendMembers';
import { OPTION_NAMES, type ImportOptions } from './options';

export interface LeaverPlan {
	staticData: IDataObject;
	/** False for manual (editor) runs: n8n does not keep their static data, so they only report. */
	active: boolean;
	leavers: string[][];
	/** The members of this run's input, remembered once the run succeeds. */
	current: string[][];
	/** Members an earlier run locked that are in this run's input: they are imported unlocked. */
	returners: string[][];
	/** Members an earlier run locked that are still away. */
	stillLocked: string[][];
}

const HOW_TO_ALLOW =
	`If these members really left, raise "${OPTION_NAMES.maxLocks}" or "${OPTION_NAMES.maxLockPercent}", ` +
	`or turn on "${OPTION_NAMES.allowMassLocking}" under Options of this GoPublic node.`;

/** Why the guard stops the night (before anything is sent), with its numbers. */
export interface LeaverGuardStop {
	violation: string;
	description: string;
}

/** Plans the locks, or says why there are too many to send anything at all. */
export function planLeaverLocks(
	context: IExecuteFunctions,
	current: string[][],
	options: ImportOptions,
): LeaverPlan | LeaverGuardStop {
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
			return {
				violation: violation.replace(/records/g, 'members'),
				description: `${leavers.length} of the ${remembered?.length ?? 0} members imported by the last successful run are missing from this run's ${current.length} items. Nothing was sent to GoPublic.`,
			};
		}
	}
	const locked = readLockedMembers(staticData);
	const returners = findReturners(locked, present);
	return {
		staticData,
		active: context.getMode() !== 'manual',
		leavers,
		current,
		returners,
		stillLocked: locked.filter((uuids) => !returners.includes(uuids)),
	};
}

/** The uuids of members to import with `lockForDeletion: false` (active runs only). */
export function uuidsToUnlock(plan: LeaverPlan): Set<string> {
	return new Set(plan.active ? plan.returners.flat() : []);
}

/** Locks the leavers (active runs only) and returns one item per leaver. */
export async function lockLeavers(
	context: IExecuteFunctions,
	plan: LeaverPlan,
	options: ImportOptions,
): Promise<{ items: INodeExecutionData[]; allAnswered: boolean; locked: string[][] }> {
	const pairedItem = context.getInputData().map((_, item) => ({ item }));
	const item = (uuids: string[], outcome: ReturnType<typeof doneOutcome>): INodeExecutionData => ({
		json: withOutcome(
			{ uuids, status: outcome.action, leftSource: true } as IDataObject,
			forRecord(outcome, { record: describeMember(uuids) }),
		),
		pairedItem,
	});
	if (!plan.active) {
		return { items: plan.leavers.map((uuids) => item(uuids, doneOutcome('wouldLock'))), allAnswered: false, locked: [] };
	}
	if (plan.leavers.length === 0) return { items: [], allAnswered: true, locked: [] };
	const report = await sendMembers(
		context,
		plan.leavers.map((uuids) => ({ uuids, lockForDeletion: true })),
		{
			batchSize: options.batchSize,
			action: 'Locking members that left',
			stopOnRefusedBatch: !context.continueOnFail(),
		},
	);
	const items = plan.leavers.map((uuids, i) => item(uuids, report.outcomes[i]));
	// A lock GoPublic took without saying more ('sent') is a lock all the same.
	const locked = plan.leavers.filter((_, i) => ['locked', 'sent'].includes(report.outcomes[i].action));
	return { items, allAnswered: report.everyBatchAnswered, locked };
}

/**
 * Remembers this run's members and who is locked now, for the next run. Active runs only.
 * A returner whose import failed is still locked in GoPublic, so it stays in the memory.
 */
export function rememberThisRun(plan: LeaverPlan, lockedNow: string[][], unlockedNow: ReadonlySet<string>): void {
	if (!plan.active) return;
	const stillAway = plan.returners.filter((uuids) => !uuids.some((uuid) => unlockedNow.has(uuid)));
	rememberMembers(plan.staticData, plan.current, [...plan.stillLocked, ...stillAway, ...lockedNow]);
}
