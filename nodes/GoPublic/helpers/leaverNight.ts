/**
 * "Lock Members That Left" after the import: the lock changes the night owes, and the memory the
 * next night starts from, built from GoPublic's answers. The memory is put out on every active
 * night, red ones included, so the template saves it before Sync Summary judges the night.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { RequestStats } from '../../shared/http/sendWithRetry';
import { failedOutcome, skippedOutcome, withOutcome } from '../../shared/syncOutcome';
import { describeMember } from './buildMember';
import { OPTION_NAMES, type ImportOptions } from './importOptions';
import { entriesOf, indexByUuid, mayBeLocked, uuidsOfKey } from './leaverMemory';
import type { ReadMemory } from './leaverMemoryRows';
import type { LeaverPlan } from './leaverPlan';
import { sendLockChanges, wouldLock, writeResultOf, type LockChanges } from './lockChanges';
import type { MemoryStore } from './memberMemory';
import type { MemberResultRow } from './memberResults';
import { heldItems } from './previewAndHold';
import { rememberNight, type PresentMember } from './rememberNight';

export interface LeaverNight {
	plan: LeaverPlan;
	store: MemoryStore;
	remembered: ReadMemory;
}

export interface SentMember {
	row: MemberResultRow;
	member: { lockForDeletion?: boolean };
}

function presentMembers(rows: MemberResultRow[], toSend: SentMember[]): PresentMember[] {
	const sent = new Map(toSend.map(({ row, member }) => [row, member]));
	return rows
		.filter((row) => row.uuids.length > 0)
		.map((row) => ({
			uuids: row.uuids,
			result: sent.has(row) ? writeResultOf(row.outcome) : undefined,
			lockedByRow: sent.get(row)?.lockForDeletion === true,
		}));
}

/** Members who are back but were not imported, and may be locked: they are unlocked alone. */
function toUnlock(remembered: ReadMemory, present: PresentMember[]): string[] {
	const memory = remembered.memory;
	if (!memory) return [];
	const index = indexByUuid(memory);
	return present
		.filter((member) => member.result !== 'took' && !member.lockedByRow)
		.flatMap((member) => entriesOf(index, member.uuids))
		.filter((key) => mayBeLocked(memory.get(key)!));
}

/** Leavers not locked tonight because GoPublic did not take the import: next night, again. */
function deferredItems(context: IExecuteFunctions, keys: string[]): INodeExecutionData[] {
	const pairedItem = context.getInputData().map((_, item) => ({ item }));
	const reason =
		"not locked tonight: GoPublic did not take all of tonight's import, so the locks wait for the next night";
	return keys.map((key) => {
		const uuids = uuidsOfKey(key);
		const outcome = skippedOutcome({ record: describeMember(uuids) }, reason);
		return {
			json: withOutcome({ uuids, status: 'skipped', leftSource: true }, outcome),
			pairedItem,
		};
	});
}

const NO_CHANGES: LockChanges = { items: [], results: new Map() };

/**
 * Static data with no memory, though GoPublic already had some of tonight's members: the memory
 * was lost, which in queue mode happens every night (a worker starts each run with no static
 * data), so nobody who left would ever be locked. That fails the night, loudly.
 */
function lostStaticMemory(
	context: IExecuteFunctions,
	options: ImportOptions,
	remembered: ReadMemory,
	rows: MemberResultRow[],
): INodeExecutionData[] {
	if (options.memoryStore !== 'staticData' || remembered.memory) return [];
	const known = rows.filter((row) => ['unchanged', 'updated'].includes(row.outcome.action));
	if (known.length === 0) return [];
	const reason =
		`"${OPTION_NAMES.lockMembersThatLeft}" found no memory in workflow static data, though GoPublic already had ${known.length} of tonight's members: the memory was lost, so members who left cannot be locked. ` +
		`In queue mode n8n loses static data between runs: set "${OPTION_NAMES.memoryStore}" to "A Data Table" (see the templates). ` +
		'On the first night of a workflow for a GoPublic that already has members, this is expected once.';
	const outcome = failedOutcome({}, reason, true);
	return [{ json: withOutcome({}, outcome), pairedItem: { item: 0 } }];
}

export async function changeLocks(
	context: IExecuteFunctions,
	night: LeaverNight,
	options: ImportOptions,
	rows: MemberResultRow[],
	toSend: SentMember[],
	importAnswered: boolean,
	stats: RequestStats,
): Promise<{ items: INodeExecutionData[]; memoryToSave: INodeExecutionData[] }> {
	const { plan, store, remembered } = night;
	if (!plan.active)
		return {
			items: [...wouldLock(context, plan.leavers), ...heldItems(context, plan)],
			memoryToSave: [],
		};
	const present = presentMembers(rows, toSend);
	let locks = NO_CHANGES;
	let unlocks = NO_CHANGES;
	if (importAnswered) {
		locks = await sendLockChanges(context, plan.leavers, true, options, stats);
		unlocks = await sendLockChanges(context, toUnlock(remembered, present), false, options, stats);
	}
	const next = rememberNight(remembered.memory, {
		present,
		locks: locks.results,
		unlocks: unlocks.results,
		held: plan.held,
		heldCode: plan.heldCode,
	});
	const deferred = importAnswered ? [] : deferredItems(context, plan.leavers);
	return {
		items: [
			...locks.items,
			...unlocks.items,
			...deferred,
			...heldItems(context, plan),
			...lostStaticMemory(context, options, remembered, rows),
		],
		memoryToSave: store.save(remembered, next),
	};
}
