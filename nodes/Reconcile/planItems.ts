/**
 * Turns a ChangePlan back into n8n items, one list per output, each item paired with the input
 * item(s) it came from so the editor can link them.
 */
import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import {
	nfcValue,
	parseFieldPath,
	readField,
	writeField,
	type DataRecord,
	type FieldPath,
} from './fieldValues';
import { byOutput } from './outputs';
import type { ChangePlan, Update } from './planChanges';

const SOURCE_INPUT = 0;
const TARGET_INPUT = 1;

/** A copy of the record with extra fields; Object.assign, because V8 clones these objects several
 * times faster with it than with object spread (measured in test/bench). */
const copyWith = (record: DataRecord, extra: IDataObject): IDataObject =>
	Object.assign({}, record, extra);

/**
 * The pairing for an output item made from input item `index`. Before a node runs, n8n gives each
 * input item the pairedItem that points at itself (what pass-through nodes hand on), so it is
 * reused: at a million records that saves a million objects.
 */
function pairedItemOf(
	items: readonly INodeExecutionData[],
	index: number,
	input: number,
): IPairedItemData {
	const own = items[index].pairedItem;
	return own !== undefined && !Array.isArray(own) && typeof own === 'object'
		? own
		: { item: index, input };
}

function updateJson(
	update: Update,
	source: DataRecord,
	target: DataRecord,
	targetId: unknown,
): IDataObject {
	const payload: DataRecord = {};
	const changes: IDataObject = {};
	const changedFields: string[] = [];
	for (const change of update.changes) {
		writeField(payload, parseFieldPath(change.targetField), change.to);
		changes[change.targetField] = { from: change.from, to: change.to } as IDataObject;
		changedFields.push(change.targetField);
	}
	return {
		key: update.key,
		targetId,
		update: payload,
		changes,
		changedFields,
		source,
		target,
	} as IDataObject;
}

/** What the Sync Summary node counts. One shared object: Unchanged is most of a night's records. */
const UNCHANGED = Object.freeze({ action: 'unchanged' });

export interface OutputOptions {
	targetIdField: string;
	/** Created records carry their text in NFC (updates already do: planChanges made them so). */
	normalizeUnicode: boolean;
}

export function planItems(
	plan: ChangePlan,
	sourceItems: readonly INodeExecutionData[],
	targetItems: readonly INodeExecutionData[],
	{ targetIdField, normalizeUnicode }: OutputOptions,
): INodeExecutionData[][] {
	const idPath: FieldPath = parseFieldPath(targetIdField);
	const sourceOf = (s: number) => sourceItems[s].json;
	const createdRecordOf = (s: number) =>
		normalizeUnicode ? (nfcValue(sourceOf(s)) as DataRecord) : sourceOf(s);
	const targetOf = (t: number) => targetItems[t].json;
	const targetIdOf = (t: number) => readField(targetOf(t), idPath) ?? null;
	const sourcePair = (s: number) => pairedItemOf(sourceItems, s, SOURCE_INPUT);
	const targetPair = (t: number) => pairedItemOf(targetItems, t, TARGET_INPUT);

	const create = plan.create.map(({ source: s, key }) => ({
		json: copyWith(createdRecordOf(s), { key }),
		pairedItem: sourcePair(s),
	}));
	const update = plan.update.map((entry) => ({
		json: updateJson(
			entry,
			sourceOf(entry.source),
			targetOf(entry.target),
			targetIdOf(entry.target),
		),
		pairedItem: [sourcePair(entry.source), targetPair(entry.target)],
	}));
	const remove = plan.delete.map(({ target: t, key }) => ({
		json: copyWith(targetOf(t), { key, targetId: targetIdOf(t) }),
		pairedItem: targetPair(t),
	}));
	// Matched records are referred to, not copied: Unchanged is most of a night's records.
	const unchanged = plan.unchanged.map(({ source: s, target: t, key }) => ({
		json: {
			key,
			targetId: targetIdOf(t),
			source: sourceOf(s),
			target: targetOf(t),
			_sync: UNCHANGED,
		},
		pairedItem: [sourcePair(s), targetPair(t)],
	}));
	const skipped = plan.skipped.map(({ side, index, key, reason }) => ({
		json: {
			side,
			key: key ?? null,
			reason,
			record: side === 'source' ? sourceOf(index) : targetOf(index),
			_sync: { action: 'skipped', reason },
		},
		pairedItem: side === 'source' ? sourcePair(index) : targetPair(index),
	}));
	return byOutput({
		Create: create,
		Update: update,
		Delete: remove,
		Unchanged: unchanged,
		Skipped: skipped,
	});
}
