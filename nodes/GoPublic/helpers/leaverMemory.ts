/**
 * The memory behind "Lock Members That Left": GoPublic cannot list its members, so the node keeps
 * what GoPublic holds of the members it sent, one entry per member (its uuids joined by `|`):
 * - imported: in GoPublic and not locked by this node;
 * - maybeImported: sent, but the answer was lost, so it may or may not be in GoPublic;
 * - locked: locked for deletion by this node (GoPublic deletes it after 30 days);
 * - maybeLocked: a lock was sent and its answer was lost (sending it again is harmless: GoPublic
 *   keeps the first deadline).
 * An entry the guard held back carries the code that approves it (`heldCode`).
 *
 * Pure: no n8n calls. How the entries are stored is leaverMemoryRows.ts.
 */
export type MemberState = 'imported' | 'maybeImported' | 'locked' | 'maybeLocked';

export interface MemoryEntry {
	state: MemberState;
	/** The approval code of the held set this member was held in, while it is held. */
	heldCode?: string;
}

/** Key: the member's uuids joined by `|`. */
export type LeaverMemory = Map<string, MemoryEntry>;

export const memberKey = (uuids: readonly string[]) => uuids.join('|');
export const uuidsOfKey = (key: string) => key.split('|').filter((uuid) => uuid !== '');

const STATES: readonly string[] = ['imported', 'maybeImported', 'locked', 'maybeLocked'];

/** An entry as stored: `imported`, or `imported 12-3fa9c1` while held. */
export function entryText(entry: MemoryEntry): string {
	return entry.heldCode ? `${entry.state} ${entry.heldCode}` : entry.state;
}

export function entryOfText(text: unknown): MemoryEntry | undefined {
	if (typeof text !== 'string') return undefined;
	const [state, heldCode] = text.trim().split(/\s+/);
	if (!STATES.includes(state)) return undefined;
	return heldCode ? { state: state as MemberState, heldCode } : { state: state as MemberState };
}

/** Whether GoPublic may hold this member unlocked: a lock is still to be sent (or sent again). */
export const awaitsLock = (entry: MemoryEntry) => entry.state !== 'locked';

/** Whether GoPublic may hold this member locked: a present member like this is unlocked. */
export const mayBeLocked = (entry: MemoryEntry) =>
	entry.state === 'locked' || entry.state === 'maybeLocked';

/** Each remembered uuid → the key of its entry, to find a member's entries without a scan. */
export function indexByUuid(memory: LeaverMemory): Map<string, string> {
	const index = new Map<string, string>();
	for (const key of memory.keys()) for (const uuid of uuidsOfKey(key)) index.set(uuid, key);
	return index;
}

/** The remembered entries of a member (usually one; several when its uuids were split before). */
export function entriesOf(index: ReadonlyMap<string, string>, uuids: readonly string[]): string[] {
	const keys = new Set<string>();
	for (const uuid of uuids) {
		const key = index.get(uuid);
		if (key !== undefined) keys.add(key);
	}
	return [...keys];
}
