/**
 * The memory behind "Lock Members That Left": GoPublic cannot list its members, so the node keeps
 * the uuids of the members of the last successful import in the workflow's static data. A member
 * is one group of uuids; it has left when none of its uuids is in the current input.
 */
import type { IDataObject } from 'n8n-workflow';

const MEMORY_KEY = 'goPublicLastImport';

interface StoredMemory {
	/** One entry per member: its uuids. */
	members: string[][];
	savedAt: string;
}

/** The remembered members, or undefined before the first successful import. */
export function readRememberedMembers(staticData: IDataObject): string[][] | undefined {
	const stored = staticData[MEMORY_KEY] as StoredMemory | undefined;
	return Array.isArray(stored?.members) ? stored.members : undefined;
}

export function rememberMembers(staticData: IDataObject, members: string[][], now = new Date()): void {
	staticData[MEMORY_KEY] = {
		members,
		savedAt: now.toISOString(),
	} satisfies StoredMemory as unknown as IDataObject;
}

/** Remembered members none of whose uuids appear in `current`. */
export function findLeavers(remembered: string[][], current: ReadonlySet<string>): string[][] {
	return remembered.filter((uuids) => !uuids.some((uuid) => current.has(uuid)));
}
