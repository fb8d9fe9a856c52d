/**
 * Where "Lock Members That Left" reads and saves its memory (helpers/leaverMemory.ts): the rows a
 * Data table node read before this node, saved by Data table nodes after it from the "Memory to
 * Save" output; or the workflow's static data. A Data Table that is still empty takes over what
 * static data holds, so an installation that remembered there loses nothing when it switches.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import {
	memoryFromRows,
	readStaticMemory,
	rowsFromMemory,
	writeStaticMemory,
	type LeaverMemory,
} from './leaverMemory';
import { OPTION_NAMES, type MemoryStoreName } from './importOptions';

export interface MemoryStore {
	read(): LeaverMemory | undefined;
	/** Saves the memory; returns the items for the "Memory to Save" output (none for static data). */
	save(memory: LeaverMemory): INodeExecutionData[];
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

export function memoryStoreFor(context: IExecuteFunctions, store: MemoryStoreName): MemoryStore {
	const staticData = context.getWorkflowStaticData('node');
	if (store === 'staticData') {
		return {
			read: () => readStaticMemory(staticData),
			save: (memory) => {
				writeStaticMemory(staticData, memory);
				return [];
			},
		};
	}
	const runStartedAtMs = Date.now();
	return {
		read: () => memoryFromRows(rememberedRows(context)) ?? readStaticMemory(staticData),
		// runStartedAtMs: rows saved before this run started are the ones to forget afterwards.
		save: (memory) => rowsFromMemory(memory).map((row) => ({ json: { ...row, runStartedAtMs } })),
	};
}
