/**
 * Where "Lock Members That Left" reads and saves its memory (leaverMemoryRows.ts): the rows a
 * Data table node read before this node, saved by a Data table node after it from the "Memory to
 * Save" output; or the workflow's static data. A Data Table that is still empty takes over what
 * static data holds, once: the static data is dropped when the table is saved, so clearing the
 * table later starts over.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { entryText, type LeaverMemory } from './leaverMemory';
import {
	changedBucketRows,
	forgetStaticMemory,
	memberRows,
	memoryFromRows,
	readStaticMemory,
	writeStaticMemory,
	type ReadMemory,
} from './leaverMemoryRows';
import { OPTION_NAMES, type MemoryStoreName } from './importOptions';

export interface MemoryStore {
	read(): ReadMemory;
	/** Saves the memory; returns the items for the "Memory to Save" output (none for static data). */
	save(read: ReadMemory, next: LeaverMemory): INodeExecutionData[];
}

function rememberedRows(context: IExecuteFunctions): IDataObject[] {
	const raw = context.getNodeParameter('options.rememberedMembers', 0, []) as unknown;
	const rows = typeof raw === 'string' ? (raw.trim() === '' ? [] : JSON.parse(raw)) : raw;
	if (!Array.isArray(rows) || rows.some((row) => !row || typeof row !== 'object')) {
		throw new NodeOperationError(
			context.getNode(),
			`"${OPTION_NAMES.rememberedMembers}" must be the rows a Data table node read (a list of objects)`,
		);
	}
	return rows as IDataObject[];
}

function readRows(context: IExecuteFunctions): ReadMemory {
	const read = memoryFromRows(rememberedRows(context));
	if (read.problem === undefined) return read;
	throw new NodeOperationError(
		context.getNode(),
		`"${OPTION_NAMES.rememberedMembers}": ${read.problem}`,
		{
			description: 'Clear the memory table to start over: the next night then locks nobody.',
		},
	);
}

const sameMemory = (a: LeaverMemory, b: LeaverMemory) =>
	a.size === b.size &&
	[...a].every(([key, entry]) => {
		const other = b.get(key);
		return other !== undefined && entryText(other) === entryText(entry);
	});

const asItems = (rows: IDataObject[]) => rows.map((json) => ({ json }));

export function memoryStoreFor(context: IExecuteFunctions, store: MemoryStoreName): MemoryStore {
	const staticData = context.getWorkflowStaticData('node');
	if (store === 'staticData') {
		return {
			read: () => ({ memory: readStaticMemory(staticData), buckets: new Map() }),
			save: (read, next) => {
				if (!read.memory || !sameMemory(read.memory, next)) writeStaticMemory(staticData, next);
				return [];
			},
		};
	}
	const bucketRows = context.getNode().typeVersion >= 2;
	const runStartedAtMs = Date.now();
	return {
		read: () => {
			const read = readRows(context);
			return read.memory ? read : { ...read, memory: readStaticMemory(staticData) };
		},
		save: (read, next) => {
			forgetStaticMemory(staticData);
			if (bucketRows) return asItems(changedBucketRows(next, read));
			// Version 1: every member, and runStartedAtMs for its "Forget Old Rows" node.
			return asItems(memberRows(next).map((row) => ({ ...row, runStartedAtMs })));
		},
	};
}
