/**
 * The heart of Reconcile: given the desired records (source) and the current ones (target), say
 * which to create, update, delete or leave alone, and which cannot be matched safely. Pure code,
 * no n8n imports. O(n + m): one Map from key to a "slot" shared by both sides, then one pass over
 * each side; records are referred to by their position in the input arrays.
 */
import {
	keyText,
	nfcValue,
	parseFieldPath,
	readField,
	valuesEqual,
	type CompareRules,
	type DataRecord,
	type FieldPath,
} from './fieldValues';
import { missingKey, skipSharedKeys, skipSharedValues } from './skipUnsafeMatches';

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
	/**
	 * A target field that is true on records an earlier run removed by locking them (e.g. hardLock):
	 * they are not deleted again, and a person back in the source gets it set to false (unlocked).
	 */
	removedFlagField?: string;
	/** Source fields whose values must be unique (compared trimmed, ignoring case), e.g. email. */
	uniqueSourceFields?: readonly string[];
	/**
	 * Keys and compared text are matched in Unicode NFC, and the new values on updates are NFC, so
	 * "Åsa" typed as A + combining ring (as on a Mac) equals "Åsa" typed as Å.
	 */
	normalizeUnicode?: boolean;
	/**
	 * The target field that holds a record's own ID (e.g. id): records that share a key are named
	 * by it in the reason, so the admin can find them (two users a pair of overlapping runs made).
	 */
	targetIdField?: string;
}

export interface FieldChange {
	sourceField: string;
	targetField: string;
	/** The target's current value. */
	from: unknown;
	/** The source's value, which the target should take. */
	to: unknown;
}

/**
 * `key` is the trimmed key as the record holds it (source side when both sides have it), in NFC
 * with normalizeUnicode.
 */
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
	/** How many unmatched target records an earlier run already removed (see removedFlagField). */
	alreadyRemoved: number;
}

interface ComparedField extends FieldMapping {
	sourcePath: FieldPath;
	targetPath: FieldPath;
	rules: CompareRules;
}

/** A field name without dots (the common case, in the innermost loop) is read without a call
 * into fieldValues; measurably faster in test/bench. */
const read = (record: DataRecord, path: FieldPath): unknown =>
	path.length === 1 ? record[path[0]] : readField(record, path);

/**
 * One pass over the target builds the key index, one pass over the source classifies each record
 * against it, one pass over the target finds the deletions: the same work as a bare Map diff.
 * Keys held by several records are rare; they are found on the way and their records moved to
 * Skipped afterwards, so the common path never pays for them.
 */
export function planChanges(
	source: readonly DataRecord[],
	target: readonly DataRecord[],
	options: PlanOptions,
): ChangePlan {
	const sourceKeyPath = parseFieldPath(options.sourceKeyField);
	const targetKeyPath = parseFieldPath(options.targetKeyField);
	const fields = compiledFields(options);
	const { ignoreKeyCase } = options;
	const inNfc = options.normalizeUnicode ?? false;
	// The two hot loops below spell this out; the closure call measured slower there.
	const lookupOf = (key: string) => (ignoreKeyCase ? key.toLowerCase() : key);
	const plan: ChangePlan = {
		create: [],
		update: [],
		delete: [],
		unchanged: [],
		skipped: [],
		ignoredTargets: 0,
		alreadyRemoved: 0,
	};
	const removedFlag = options.removedFlagField
		? removedFlagOf(options.removedFlagField)
		: undefined;
	const alreadyRemoved: Delete[] = [];
	const sharedKeys = new Set<string>();

	// Key → target position. A later target with the same key overwrites the earlier one; the key
	// is remembered in sharedKeys, and both are skipped at the end.
	const targetByKey = new Map<string, number>();
	for (let t = 0; t < target.length; t++) {
		const key = keyText(read(target[t], targetKeyPath), inNfc);
		if (key === undefined) continue;
		const sizeBefore = targetByKey.size;
		const lookup = ignoreKeyCase ? key.toLowerCase() : key;
		targetByKey.set(lookup, t);
		if (targetByKey.size === sizeBefore) sharedKeys.add(lookup);
	}

	// matchedBy marks targets already claimed by a source, createKeys the source keys with no
	// target, so that a second source with the same key is noticed either way.
	const matchedBy = new Uint8Array(target.length);
	const createKeys = new Set<string>();
	for (let s = 0; s < source.length; s++) {
		const record = source[s];
		const key = keyText(read(record, sourceKeyPath), inNfc);
		if (key === undefined) {
			plan.skipped.push(
				missingKey('source', s, readField(record, sourceKeyPath), options.sourceKeyField),
			);
			continue;
		}
		const lookup = ignoreKeyCase ? key.toLowerCase() : key;
		const t = targetByKey.get(lookup);
		if (t === undefined) {
			if (createKeys.has(lookup)) sharedKeys.add(lookup);
			else createKeys.add(lookup);
			plan.create.push({ source: s, key });
		} else if (matchedBy[t] === 1) {
			sharedKeys.add(lookup);
			plan.create.push({ source: s, key }); // moved to Skipped below
		} else {
			matchedBy[t] = 1;
			let changes = findChanges(record, target[t], fields);
			if (removedFlag?.isSet(target[t])) (changes ??= []).push(removedFlag.clearChange);
			if (changes === undefined) plan.unchanged.push({ source: s, target: t, key });
			else plan.update.push({ source: s, target: t, key, changes });
		}
	}

	// Only unmatched targets need their key again: to be deleted, or skipped or ignored without one.
	for (let t = 0; t < target.length; t++) {
		if (matchedBy[t] === 1) continue;
		const key = keyText(read(target[t], targetKeyPath), inNfc);
		if (key === undefined) {
			if (options.ignoreTargetsWithoutKey) plan.ignoredTargets++;
			else
				plan.skipped.push(
					missingKey('target', t, readField(target[t], targetKeyPath), options.targetKeyField),
				);
		} else if (removedFlag?.isSet(target[t])) {
			alreadyRemoved.push({ target: t, key });
		} else {
			plan.delete.push({ target: t, key });
		}
	}

	if (sharedKeys.size > 0) {
		const targetKeyOf = (t: number) => keyText(read(target[t], targetKeyPath), inNfc);
		skipSharedKeys(plan, sharedKeys, lookupOf, target, targetKeyOf, options);
	}
	// A shared key puts even a removed record on Skipped (skipSharedKeys found it there).
	plan.alreadyRemoved = alreadyRemoved.filter(({ key }) => !sharedKeys.has(lookupOf(key))).length;
	for (const field of options.uniqueSourceFields ?? [])
		skipSharedValues(plan, source, field, inNfc);
	return plan;
}

/** Reads the removed flag of a target record, and the change that clears it. */
function removedFlagOf(field: string) {
	const path = parseFieldPath(field);
	return {
		isSet: (record: DataRecord) => {
			const value = readField(record, path);
			return value === true || value === 'true';
		},
		clearChange: { sourceField: field, targetField: field, from: true, to: false } as FieldChange,
	};
}

function compiledFields(options: PlanOptions): ComparedField[] {
	return options.fields.map((field) => ({
		...field,
		sourcePath: parseFieldPath(field.sourceField),
		targetPath: parseFieldPath(field.targetField),
		rules: {
			ignoreCase: field.ignoreCase,
			treatEmptyAsMissing: options.treatEmptyAsMissing,
			normalizeUnicode: options.normalizeUnicode ?? false,
		},
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
		const to = read(source, field.sourcePath);
		const from = read(target, field.targetPath);
		if (to === from || valuesEqual(to, from, field.rules)) continue;
		(changes ??= []).push({
			sourceField: field.sourceField,
			targetField: field.targetField,
			from: from ?? null,
			to: field.rules.normalizeUnicode ? nfcValue(to ?? null) : (to ?? null),
		});
	}
	return changes;
}
