/**
 * The memory behind "Lock Members That Left": GoPublic cannot list its members, so the node keeps
 * the uuids of the members of the last successful import in the workflow's static data. A member
 * is one group of uuids; it has left when none of its uuids is in the current input.
 * It also keeps the members it locked: GoPublic deletes a locked member after 30 days, so one who
 * comes back before that must be unlocked, or the import would update a member about to vanish.
 */
import type { IDataObject } from 'n8n-workflow';

const MEMORY_KEY = 'goPublicLastImport';

interface StoredMemory {
	/** One entry per member: its uuids. */
	members: string[][];
	/** Members this node locked and that have not come back since. */
	locked?: string[][];
	savedAt: string;
}

/** The remembered members, or undefined before the first successful import. */
export function readRememberedMembers(staticData: IDataObject): string[][] | undefined {
	const stored = staticData[MEMORY_KEY] as StoredMemory | undefined;
	return Array.isArray(stored?.members) ? stored.members : undefined;
}

/** The members this node locked, and that have not come back since. */
export function readLockedMembers(staticData: IDataObject): string[][] {
	const stored = staticData[MEMORY_KEY] as StoredMemory | undefined;
	return Array.isArray(stored?.locked) ? stored.locked : [];
}

export function rememberMembers(
	staticData: IDataObject,
	members: string[][],
	locked: string[][] = [],
	now = new Date(),
): void {
	staticData[MEMORY_KEY] = {
		members,
		locked,
		savedAt: now.toISOString(),
	} satisfies StoredMemory as unknown as IDataObject;
}

/** Remembered members none of whose uuids appear in `current`. */
export function findLeavers(remembered: string[][], current: ReadonlySet<string>): string[][] {
	return remembered.filter((uuids) => !uuids.some((uuid) => current.has(uuid)));
}

/** Locked members with at least one uuid in `current`: they came back. */
export function findReturners(locked: string[][], current: ReadonlySet<string>): string[][] {
	return locked.filter((uuids) => uuids.some((uuid) => current.has(uuid)));
}
