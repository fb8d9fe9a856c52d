/**
 * The memory behind "Lock Members That Left": GoPublic cannot list its members, so the node keeps
 * the uuids of the members of the last successful import. A member is one group of uuids; it has
 * left when none of its uuids is in the current input. It also keeps the members it locked:
 * GoPublic deletes a locked member after 30 days, so one who comes back before that must be
 * unlocked, or the import would update a member about to vanish.
 *
 * Two places hold it: rows of an n8n Data Table (written and read by n8n's Data table nodes
 * around this one; works in queue mode) or the workflow's static data (one n8n process only: in
 * queue mode a worker starts each run with empty static data). Pure: no n8n calls.
 */
import type { IDataObject } from 'n8n-workflow';

export interface LeaverMemory {
	/** The members of the last successful import: one entry per member, its uuids. */
	members: string[][];
	/** Members this node locked and that have not come back since. */
	locked: string[][];
}

/** One member as a Data Table row. */
export interface MemoryRow extends IDataObject {
	/** The member's uuids, separated by `|`. */
	uuids: string;
	/** In the last successful import. */
	imported: boolean;
	/** Locked for deletion by this node, and not back since. */
	locked: boolean;
}

const STATIC_DATA_KEY = 'goPublicLastImport';

/** The memory in static data, or undefined before the first successful import. */
export function readStaticMemory(staticData: IDataObject): LeaverMemory | undefined {
	const stored = staticData[STATIC_DATA_KEY] as Partial<LeaverMemory> | undefined;
	if (!Array.isArray(stored?.members)) return undefined;
	return { members: stored.members, locked: Array.isArray(stored.locked) ? stored.locked : [] };
}

export function writeStaticMemory(
	staticData: IDataObject,
	memory: LeaverMemory,
	now = new Date(),
): void {
	staticData[STATIC_DATA_KEY] = { ...memory, savedAt: now.toISOString() } as unknown as IDataObject;
}

const uuidsOfRow = (row: IDataObject) =>
	String(row.uuids ?? '')
		.split('|')
		.filter((uuid) => uuid !== '');

/** The memory in Data Table rows, or undefined when there are none (before the first import). */
export function memoryFromRows(rows: readonly IDataObject[]): LeaverMemory | undefined {
	const members = rows.filter((row) => uuidsOfRow(row).length > 0);
	if (members.length === 0) return undefined;
	return {
		members: members.filter((row) => row.imported === true).map(uuidsOfRow),
		locked: members.filter((row) => row.locked === true).map(uuidsOfRow),
	};
}

/** The memory as Data Table rows: one per member, imported and locked as flags. */
export function rowsFromMemory(memory: LeaverMemory): MemoryRow[] {
	const rows = new Map<string, MemoryRow>();
	const rowOf = (uuids: string[]) => {
		const key = uuids.join('|');
		const row = rows.get(key) ?? { uuids: key, imported: false, locked: false };
		rows.set(key, row);
		return row;
	};
	for (const uuids of memory.members) rowOf(uuids).imported = true;
	for (const uuids of memory.locked) rowOf(uuids).locked = true;
	return [...rows.values()];
}

/** Remembered members none of whose uuids appear in `current`. */
export function findLeavers(remembered: string[][], current: ReadonlySet<string>): string[][] {
	return remembered.filter((uuids) => !uuids.some((uuid) => current.has(uuid)));
}

/** Locked members with at least one uuid in `current`: they came back. */
export function findReturners(locked: string[][], current: ReadonlySet<string>): string[][] {
	return locked.filter((uuids) => uuids.some((uuid) => current.has(uuid)));
}
