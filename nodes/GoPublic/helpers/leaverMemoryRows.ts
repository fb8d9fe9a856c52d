/**
 * How the leaver memory (leaverMemory.ts) is stored. Pure: no n8n calls.
 *
 * - Bucket rows (node version 2): every member is in one of 64 rows, `{bucket, members}`, where
 *   `members` is a JSON object of `uuids → state`. A night saves only the rows whose members
 *   changed, so a quiet night writes nothing; and the table never has more than 64 rows, so
 *   n8n's Data table node reads it in one page (two overlapping runs cannot break its paging).
 * - Member rows (node version 1): one row per member, `{uuids, imported, locked}`, all saved
 *   every night (the version 1 templates forget the rows a night did not save).
 * - Workflow static data (one n8n process only).
 */
import type { IDataObject } from 'n8n-workflow';

import { fnv1a } from '../../shared/fnv1a';

import {
	entryOfText,
	entryText,
	memberKey,
	uuidsOfKey,
	type LeaverMemory,
	type MemoryEntry,
} from './leaverMemory';

export const BUCKETS = 64;

export interface BucketRow extends IDataObject {
	bucket: number;
	/** JSON: `{"<uuids>": "<state>", ...}`. */
	members: string;
}

export interface MemberRow extends IDataObject {
	uuids: string;
	imported: boolean;
	locked: boolean;
}

/** What was read: the memory (undefined before the first night) and, for bucket rows, their text. */
export interface ReadMemory {
	memory: LeaverMemory | undefined;
	/** The bucket rows as read (bucket → members text); empty when read from anything else. */
	buckets: Map<number, string>;
	/** A row that cannot be read, when there is one. */
	problem?: string;
}

const bucketOf = (key: string) => fnv1a(key) % BUCKETS;

const isBucketRow = (row: IDataObject) =>
	Number.isInteger(row.bucket) && typeof row.members === 'string';

const isMemberRow = (row: IDataObject) =>
	typeof row.uuids === 'string' && uuidsOfKey(row.uuids).length > 0;

/** Adds a bucket row's members; returns what is wrong with the row, if anything. */
function addBucket(memory: LeaverMemory, text: string, bucket: number): string | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return `memory row of bucket ${bucket} is not valid JSON`;
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
		return `memory row of bucket ${bucket} is not a JSON object`;
	for (const [key, value] of Object.entries(parsed as IDataObject)) {
		const entry = entryOfText(value);
		if (!entry || uuidsOfKey(key).length === 0)
			return `memory row of bucket ${bucket} has an entry it cannot read: "${key}"`;
		memory.set(key, entry);
	}
	return undefined;
}

function entryOfMemberRow(row: IDataObject): MemoryEntry | undefined {
	if (row.locked === true) return { state: 'locked' };
	return row.imported === true ? { state: 'imported' } : undefined;
}

/** The memory in the rows a Data table node read; bucket rows and version 1's member rows. */
export function memoryFromRows(rows: readonly IDataObject[]): ReadMemory {
	const memory: LeaverMemory = new Map();
	const buckets = new Map<number, string>();
	let problem: string | undefined;
	for (const row of rows) {
		if (isBucketRow(row)) {
			buckets.set(row.bucket as number, row.members as string);
			problem ??= addBucket(memory, row.members as string, row.bucket as number);
		} else if (isMemberRow(row)) {
			const entry = entryOfMemberRow(row);
			if (entry) memory.set(memberKey(uuidsOfKey(row.uuids as string)), entry);
		}
	}
	const remembered = buckets.size > 0 || rows.some(isMemberRow);
	return { memory: remembered ? memory : undefined, buckets, problem };
}

function bucketTexts(memory: LeaverMemory): Map<number, string> {
	const grouped = new Map<number, [string, string][]>();
	for (const [key, entry] of memory) {
		const bucket = bucketOf(key);
		const members = grouped.get(bucket) ?? [];
		members.push([key, entryText(entry)]);
		grouped.set(bucket, members);
	}
	const texts = new Map<number, string>();
	for (const [bucket, members] of grouped) {
		members.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		texts.set(bucket, JSON.stringify(Object.fromEntries(members)));
	}
	return texts;
}

/** The bucket rows whose members differ from what was read (a missing row reads as `{}`). */
export function changedBucketRows(memory: LeaverMemory, read: ReadMemory): BucketRow[] {
	const texts = bucketTexts(memory);
	const rows: BucketRow[] = [];
	for (let bucket = 0; bucket < BUCKETS; bucket++) {
		const members = texts.get(bucket) ?? '{}';
		if (members === (read.buckets.get(bucket) ?? '{}')) continue;
		rows.push({ bucket, members });
	}
	return rows;
}

/** Version 1's rows: every member, `imported` meaning "a lock may still be owed". */
export function memberRows(memory: LeaverMemory): MemberRow[] {
	return [...memory].map(([uuids, entry]) => ({
		uuids,
		imported: entry.state !== 'locked',
		locked: entry.state === 'locked',
	}));
}

const STATIC_DATA_KEY = 'goPublicLastImport';

/** The memory in static data (this version's or the first one's), or undefined. */
export function readStaticMemory(staticData: IDataObject): LeaverMemory | undefined {
	const stored = staticData[STATIC_DATA_KEY] as IDataObject | undefined;
	if (!stored || typeof stored !== 'object') return undefined;
	const memory: LeaverMemory = new Map();
	if (stored.entries && typeof stored.entries === 'object') {
		for (const [key, text] of Object.entries(stored.entries as IDataObject)) {
			const entry = entryOfText(text);
			if (entry) memory.set(key, entry);
		}
		return memory;
	}
	if (!Array.isArray(stored.members)) return undefined;
	// The first version: { members: string[][], locked: string[][] }.
	for (const uuids of stored.members as string[][])
		memory.set(memberKey(uuids), { state: 'imported' });
	for (const uuids of (stored.locked as string[][] | undefined) ?? [])
		memory.set(memberKey(uuids), { state: 'locked' });
	return memory;
}

export function writeStaticMemory(staticData: IDataObject, memory: LeaverMemory, now = new Date()) {
	const entries = Object.fromEntries([...memory].map(([key, entry]) => [key, entryText(entry)]));
	staticData[STATIC_DATA_KEY] = { entries, savedAt: now.toISOString() };
}

/** Static data taken over by a Data Table is dropped, so clearing the table starts over. */
export function forgetStaticMemory(staticData: IDataObject): void {
	delete staticData[STATIC_DATA_KEY];
}
