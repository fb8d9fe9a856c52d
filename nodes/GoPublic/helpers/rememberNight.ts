/**
 * What the memory holds after a night: what GoPublic has, as far as its answers tell, not what
 * was planned. Pure: the night's facts in, the next memory out.
 */
import {
	entriesOf,
	indexByUuid,
	memberKey,
	type LeaverMemory,
	type MemberState,
} from './leaverMemory';

/**
 * How GoPublic answered one write: took it (any 2xx), refused this member, or gave no usable
 * answer (refused the whole request, or the answer was lost: it may have been done).
 */
export type WriteResult = 'took' | 'refused' | 'lost';

export interface PresentMember {
	uuids: string[];
	/** Undefined when it was not sent (the input cannot complete it). */
	result?: WriteResult;
	/** Its own row asked for the lock (e.g. the HR file's lockForDeletion). */
	lockedByRow: boolean;
}

export interface NightFacts {
	/** Tonight's members, sent or not. */
	present: PresentMember[];
	/** Locks sent to leavers, by memory key. */
	locks: Map<string, WriteResult>;
	/** Unlocks sent alone for members that could not be imported, by memory key. */
	unlocks: Map<string, WriteResult>;
	/** Leavers the guard held back, and the code that approves them. */
	held: string[];
	heldCode?: string;
}

const LOCK_ORDER: MemberState[] = ['locked', 'maybeLocked', 'imported', 'maybeImported'];

/** The most cautious state of a member's earlier entries: one that may be locked wins. */
function earlierState(memory: LeaverMemory, keys: string[]): MemberState | undefined {
	const states = keys.map((key) => memory.get(key)!.state);
	return LOCK_ORDER.find((state) => states.includes(state));
}

function presentState(
	member: PresentMember,
	earlier: MemberState | undefined,
	unlocked: boolean,
): MemberState | undefined {
	if (member.result === 'took') return member.lockedByRow ? 'locked' : 'imported';
	if (member.result === 'lost') return earlier ?? 'maybeImported';
	return unlocked ? 'imported' : earlier;
}

function lockedState(before: MemberState, result: WriteResult): MemberState | undefined {
	if (result === 'took') return 'locked';
	if (result === 'lost') return 'maybeLocked';
	// Refused: a member that may never have reached GoPublic is not there to lock.
	return before === 'maybeImported' ? undefined : before;
}

export function rememberNight(before: LeaverMemory | undefined, night: NightFacts): LeaverMemory {
	const memory: LeaverMemory = new Map(before ?? []);
	const index = indexByUuid(memory);
	for (const member of night.present) {
		const keys = entriesOf(index, member.uuids).filter((key) => memory.has(key));
		const unlocked = keys.some((key) => night.unlocks.get(key) === 'took');
		const state = presentState(member, earlierState(memory, keys), unlocked);
		for (const key of keys) memory.delete(key);
		if (state) memory.set(memberKey(member.uuids), { state });
	}
	for (const [key, result] of night.locks) {
		const entry = memory.get(key);
		if (!entry) continue;
		const state = lockedState(entry.state, result);
		if (state) memory.set(key, { state });
		else memory.delete(key);
	}
	for (const key of night.held) {
		const entry = memory.get(key);
		if (entry && night.heldCode) memory.set(key, { state: entry.state, heldCode: night.heldCode });
	}
	return memory;
}
