/**
 * What Import does differently in a preview, in a run limited to a few members, and when the guard
 * holds the leavers' locks back: pure steps around the sending in import.operation.ts.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	doneOutcome,
	outcomeOf,
	previewOutcome,
	withOutcome,
	SYNC_FIELD,
} from '../../shared/syncOutcome';
import { describeMember } from './buildMember';
import type { LeaverMemory } from './leaverMemory';
import type { LeaverPlan } from './leaverPlan';

const hasAnyOf = (wanted: ReadonlySet<string>) => (uuids: string[]) =>
	uuids.some((uuid) => wanted.has(uuid));

/** "Only These UUIDs": the entries of those members; everything when the list is empty. */
export function onlyTheseMembers<T>(
	entries: T[],
	uuidsOf: (entry: T) => string[],
	onlyThese: readonly string[],
): T[] {
	if (onlyThese.length === 0) return entries;
	const wanted = hasAnyOf(new Set(onlyThese));
	return entries.filter((entry) => wanted(uuidsOf(entry)));
}

/** The memory of only these members, so that the guard and the leavers are about them alone. */
export function memoryOfOnly(
	memory: LeaverMemory | undefined,
	onlyThese: readonly string[],
): LeaverMemory | undefined {
	if (!memory || onlyThese.length === 0) return memory;
	const wanted = hasAnyOf(new Set(onlyThese));
	return { members: memory.members.filter(wanted), locked: memory.locked.filter(wanted) };
}

/** One "held" item per leaver the guard held back, or the note that an approval let them through. */
export function heldItems(context: IExecuteFunctions, plan: LeaverPlan): INodeExecutionData[] {
	const pairedItem = context.getInputData().map((_, item) => ({ item }));
	if (plan.approvedCode !== undefined) {
		const note = doneOutcome(
			'approved',
			`${plan.leavers.length} held locks approved with code ${plan.approvedCode}: they go through tonight.`,
		);
		return [{ json: withOutcome({}, note), pairedItem }];
	}
	return plan.held.map((uuids) => ({
		json: withOutcome({ uuids, status: 'held', leftSource: true } as IDataObject, {
			action: 'held',
			record: describeMember(uuids),
			reason: plan.heldBecause,
		}),
		pairedItem,
	}));
}

/** Every outcome on these items marked as a preview's. */
export function markedAsPreview(items: INodeExecutionData[]): INodeExecutionData[] {
	return items.map((item) => {
		const outcome = outcomeOf(item.json);
		if (!outcome) return item;
		const json = { ...item.json, [SYNC_FIELD]: previewOutcome(outcome) as unknown as IDataObject };
		return { ...item, json };
	});
}
