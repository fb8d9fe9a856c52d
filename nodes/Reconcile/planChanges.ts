/**
 * The heart of Reconcile: given the desired records (source) and the current ones (target), say
 * which to create, update, delete or leave alone, and which cannot be matched safely. Pure code,
 * no n8n imports. O(n + m): one Map from key to a "slot" shared by both sides, then one pass over
 * each side; records are referred to by their position in the input arrays.
 */
import {
	describeMissingKey,
	keyText,
	parseFieldPath,
	readField,
	valuesEqual,
	type CompareRules,
	type DataRecord,
	type FieldPath,
} from './fieldValues';

export interface FieldMapping {
	sourceField: string;
	targetField: string;
	/** Compare this field's text case-insensitively (e-mail addresses). */
	ignoreCase: boolean;
}

export interface PlanOptions {
	sourceKeyField: string;
	targetKeyField: string;
	/** Match keys case-insensitively. Keys are always trimmed. */
	ignoreKeyCase: boolean;
	/** The fields whose difference makes an update; fields not listed are never compared. */
	fields: readonly FieldMapping[];
	/** null, undefined, '' and blank text are all the same "empty" value. */
	treatEmptyAsMissing: boolean;
	/** Target records without a key are left out of the plan (admins created by hand). */
	ignoreTargetsWithoutKey: boolean;
}

export interface FieldChange {
	sourceField: string;
	targetField: string;
	/** The target's current value. */
	from: unknown;
	/** The source's value, which the target should take. */
	to: unknown;
}

/** `key` is the trimmed key as the record holds it (source side when both sides have it). */
export interface Create {
	source: number;
	key: string;
}
export interface Match {
	source: number;
	target: number;
	key: string;
}
export interface Update extends Match {
	changes: FieldChange[];
}
export interface Delete {
	target: number;
	key: string;
}
export interface Skip {
	side: 'source' | 'target';
	index: number;
	key?: string;
	reason: string;
}

export interface ChangePlan {
	create: Create[];
	update: Update[];
	delete: Delete[];
	unchanged: Match[];
	/** Source records first, then target records, each in input order. */
	skipped: Skip[];
	/** How many target records had no key and were left alone. */
	ignoredTargets: number;
}

interface ComparedField extends FieldMapping {
	sourcePath: FieldPath;
	targetPath: FieldPath;
	rules: CompareRules;
}

/** Marks in the per-record slot arrays for records that never reached the key index. */
const NO_KEY = -1;
const IGNORED = -2;

export function planChanges(
	source: readonly DataRecord[],
	target: readonly DataRecord[],
	options: PlanOptions,
): ChangePlan {
	const sourceKeyPath = parseFieldPath(options.sourceKeyField);
	const targetKeyPath = parseFieldPath(options.targetKeyField);
	const fields = compiledFields(options);

	// A slot is one distinct key; it counts the records holding that key on each side.
	const slotOfKey = new Map<string, number>();
	const slotSourceCount = new Int32Array(source.length + target.length);
	const slotTargetCount = new Int32Array(source.length + target.length);
	const slotTarget = new Int32Array(source.length + target.length);

	const targetSlot = new Int32Array(target.length);
	const targetKey: Array<string | undefined> = new Array(target.length);
	let ignoredTargets = 0;
	for (let t = 0; t < target.length; t++) {
		const key = keyText(readField(target[t], targetKeyPath));
		targetKey[t] = key;
		if (key === undefined) {
			targetSlot[t] = options.ignoreTargetsWithoutKey ? IGNORED : NO_KEY;
			if (options.ignoreTargetsWithoutKey) ignoredTargets++;
			continue;
		}
		const lookup = options.ignoreKeyCase ? key.toLowerCase() : key;
		let slot = slotOfKey.get(lookup);
		if (slot === undefined) {
			slot = slotOfKey.size;
			slotOfKey.set(lookup, slot);
			slotTarget[slot] = t;
		}
		slotTargetCount[slot]++;
		targetSlot[t] = slot;
	}

	const sourceSlot = new Int32Array(source.length);
	const sourceKey: Array<string | undefined> = new Array(source.length);
	for (let s = 0; s < source.length; s++) {
		const key = keyText(readField(source[s], sourceKeyPath));
		sourceKey[s] = key;
		if (key === undefined) {
			sourceSlot[s] = NO_KEY;
			continue;
		}
		const lookup = options.ignoreKeyCase ? key.toLowerCase() : key;
		let slot = slotOfKey.get(lookup);
		if (slot === undefined) {
			slot = slotOfKey.size;
			slotOfKey.set(lookup, slot);
		}
		slotSourceCount[slot]++;
		sourceSlot[s] = slot;
	}

	const plan: ChangePlan = { create: [], update: [], delete: [], unchanged: [], skipped: [], ignoredTargets };
	const duplicateReason = (slot: number, key: string) =>
		`The key "${key}" is held by ${countText(slotSourceCount[slot], 'source')} and ` +
		`${countText(slotTargetCount[slot], 'target')} (source field "${options.sourceKeyField}", target field ` +
		`"${options.targetKeyField}"${options.ignoreKeyCase ? ', ignoring case' : ''}); records that share a key are not matched.`;

	for (let s = 0; s < source.length; s++) {
		const slot = sourceSlot[s];
		const key = sourceKey[s];
		if (slot === NO_KEY || key === undefined) {
			const value = readField(source[s], sourceKeyPath);
			const reason = `The source key field "${options.sourceKeyField}" ${describeMissingKey(value)}.`;
			plan.skipped.push({ side: 'source', index: s, reason });
		} else if (slotSourceCount[slot] > 1 || slotTargetCount[slot] > 1) {
			plan.skipped.push({ side: 'source', index: s, key, reason: duplicateReason(slot, key) });
		} else if (slotTargetCount[slot] === 0) {
			plan.create.push({ source: s, key });
		} else {
			const t = slotTarget[slot];
			const changes = findChanges(source[s], target[t], fields);
			if (changes === undefined) plan.unchanged.push({ source: s, target: t, key });
			else plan.update.push({ source: s, target: t, key, changes });
		}
	}

	for (let t = 0; t < target.length; t++) {
		const slot = targetSlot[t];
		const key = targetKey[t];
		if (slot === IGNORED) continue;
		if (slot === NO_KEY || key === undefined) {
			const value = readField(target[t], targetKeyPath);
			const reason = `The target key field "${options.targetKeyField}" ${describeMissingKey(value)}.`;
			plan.skipped.push({ side: 'target', index: t, reason });
		} else if (slotSourceCount[slot] > 1 || slotTargetCount[slot] > 1) {
			plan.skipped.push({ side: 'target', index: t, key, reason: duplicateReason(slot, key) });
		} else if (slotSourceCount[slot] === 0) {
			plan.delete.push({ target: t, key });
		}
	}
	return plan;
}

function compiledFields(options: PlanOptions): ComparedField[] {
	return options.fields.map((field) => ({
		...field,
		sourcePath: parseFieldPath(field.sourceField),
		targetPath: parseFieldPath(field.targetField),
		rules: { ignoreCase: field.ignoreCase, treatEmptyAsMissing: options.treatEmptyAsMissing },
	}));
}

/** The fields that differ, or undefined when none do (no array allocated for unchanged pairs). */
function findChanges(
	source: DataRecord,
	target: DataRecord,
	fields: readonly ComparedField[],
): FieldChange[] | undefined {
	let changes: FieldChange[] | undefined;
	for (let f = 0; f < fields.length; f++) {
		const field = fields[f];
		const to = readField(source, field.sourcePath);
		const from = readField(target, field.targetPath);
		if (valuesEqual(to, from, field.rules)) continue;
		(changes ??= []).push({
			sourceField: field.sourceField,
			targetField: field.targetField,
			from: from ?? null,
			to: to ?? null,
		});
	}
	return changes;
}

const countText = (count: number, side: string) => `${count} ${side} record${count === 1 ? '' : 's'}`;
