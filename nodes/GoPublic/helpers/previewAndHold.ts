/**
 * What Import does differently in a preview, in a run limited to a few members, and when the guard
 * holds the leavers' locks back: pure steps around the sending in import.operation.ts.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { doneOutcome, withOutcome } from '../../shared/syncOutcome';
import { describeMember } from './buildMember';
import { uuidsOfKey, type LeaverMemory } from './leaverMemory';
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
	return new Map([...memory].filter(([key]) => wanted(uuidsOfKey(key))));
}

/** One "held" item per leaver the guard held back, or the note that an approval let them through. */
export function heldItems(context: IExecuteFunctions, plan: LeaverPlan): INodeExecutionData[] {
	const pairedItem = context.getInputData().map((_, item) => ({ item }));
	const approvedNote: INodeExecutionData[] = [];
	if (plan.approvedCode !== undefined) {
		const note = doneOutcome(
			'approved',
			`Held locks approved with code ${plan.approvedCode}: they go through tonight.`,
		);
		const approved = { approvalCode: plan.approvedCode, approvedKeys: plan.approvedKeys ?? [] };
		approvedNote.push({ json: withOutcome(approved, note), pairedItem });
	}
	const items = plan.held.map((key) => ({
		json: withOutcome(
			{ uuids: uuidsOfKey(key), status: 'held', leftSource: true, approvalCode: plan.heldCode },
			{
				action: 'held',
				record: describeMember(uuidsOfKey(key)),
				reason: plan.heldBecause,
			},
		),
		pairedItem,
	}));
	return [...approvedNote, ...items];
}
