/**
 * How Reconcile reads and compares values: keys, dot paths and the "empty" rule. Pure code, no
 * n8n imports, so that the matching can be tested and measured on its own.
 */
export type DataRecord = { [field: string]: unknown };

/** A field name split on dots once, so `prefs.locale` is read without re-parsing per record. */
export type FieldPath = readonly string[];

export const parseFieldPath = (field: string): FieldPath => field.trim().split('.');

export function readField(record: DataRecord, path: FieldPath): unknown {
	if (path.length === 1) return record[path[0]];
	let value: unknown = record[path[0]];
	for (let i = 1; i < path.length && value !== undefined && value !== null; i++) {
		value = typeof value === 'object' ? (value as DataRecord)[path[i]] : undefined;
	}
	return value;
}

/** Writes `value` at `path`, creating the objects on the way; used to build an update payload. */
export function writeField(record: DataRecord, path: FieldPath, value: unknown): void {
	let parent = record;
	for (let i = 0; i < path.length - 1; i++) {
		const next = parent[path[i]];
		parent = (parent[path[i]] =
			typeof next === 'object' && next !== null ? next : {}) as DataRecord;
	}
	parent[path[path.length - 1]] = value;
}

/**
 * Text that NFC could change holds a character from U+0300 (the first combining mark) up: every
 * character below it is its own NFC form and composes with nothing before it. Testing for that is
 * several times cheaper than normalize(), and spares the common names (ASCII, "Åsa" typed as Å).
 */
const MAY_CHANGE_IN_NFC = /[\u0300-\uffff]/;

/** The text in Unicode NFC, so "Åsa" typed as A + combining ring equals "Åsa" typed as Å. */
export const nfcText = (text: string): string =>
	MAY_CHANGE_IN_NFC.test(text) ? text.normalize('NFC') : text;

/** A list or a record as JSON holds it; class instances (a Date, say) are neither. */
const isListOrRecord = (value: unknown): value is Record<string, unknown> => {
	if (typeof value !== 'object' || value === null) return false;
	const prototype = Object.getPrototypeOf(value);
	return Array.isArray(value) || prototype === Object.prototype || prototype === null;
};

const shallowCopy = (value: Record<string, unknown>): Record<string, unknown> =>
	Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...value };

/**
 * The value with its text in NFC, also inside lists and objects; other values as they are. Copies
 * only what changes and returns the value itself when nothing does, so the input is never changed.
 */
export function nfcValue(value: unknown): unknown {
	if (typeof value === 'string') return nfcText(value);
	if (!isListOrRecord(value)) return value;
	let copy: Record<string, unknown> | undefined;
	for (const [field, member] of Object.entries(value)) {
		const normalized = nfcValue(member);
		if (normalized !== member) (copy ??= shallowCopy(value))[field] = normalized;
	}
	return copy ?? value;
}

/**
 * A key as matching sees it: text or a number, trimmed (and in NFC with `inNfc`); anything else
 * (or blank) is no key.
 */
export function keyText(value: unknown, inNfc = false): string | undefined {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (trimmed === '') return undefined;
		return inNfc ? nfcText(trimmed) : trimmed;
	}
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** Why a record has no usable key, in the admin's words. */
export function describeMissingKey(value: unknown): string {
	if (value === undefined) return 'is missing';
	if (value === null) return 'is empty (null)';
	if (typeof value === 'string') return 'is empty';
	if (Array.isArray(value)) return 'holds a list, not a text or a number';
	return `holds ${typeof value === 'object' ? 'an object' : `the ${typeof value} ${String(value)}`}, not a text or a number`;
}

/** No value: a missing field or null, and with `emptyTextIsMissing` also '' and blank text. */
export const isMissingValue = (value: unknown, emptyTextIsMissing: boolean): boolean =>
	value === undefined ||
	value === null ||
	(emptyTextIsMissing && typeof value === 'string' && value.trim() === '');

/** Text and numbers compare as trimmed text, so 7 equals '7 '. */
function scalarText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

export interface CompareRules {
	ignoreCase: boolean;
	treatEmptyAsMissing: boolean;
	/** Compare text in Unicode NFC. */
	normalizeUnicode: boolean;
}

/**
 * Whether two field values count as the same. A missing field equals null (and, with
 * `treatEmptyAsMissing`, empty or blank text), so a field missing on one side and empty on the
 * other is not a change. Text is trimmed, numbers compare as text, lists and objects compare
 * member by member with the same rules.
 */
export function valuesEqual(a: unknown, b: unknown, rules: CompareRules): boolean {
	if (a === b) return true;
	const aMissing = isMissingValue(a, rules.treatEmptyAsMissing);
	const bMissing = isMissingValue(b, rules.treatEmptyAsMissing);
	if (aMissing || bMissing) return aMissing && bMissing;
	const textA = scalarText(a);
	const textB = scalarText(b);
	if (textA !== undefined || textB !== undefined) {
		if (textA === textB) return true;
		if (textA === undefined || textB === undefined) return false;
		return differentTextEqual(textA, textB, rules);
	}
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
	return Array.isArray(a)
		? arraysEqual(a, b, rules)
		: objectsEqual(a as DataRecord, b as DataRecord, rules);
}

/** Two texts that differ byte for byte, equal by the rules; only they pay for normalizing. */
function differentTextEqual(a: string, b: string, rules: CompareRules): boolean {
	if (rules.normalizeUnicode) {
		a = nfcText(a);
		b = nfcText(b);
		if (a === b) return true;
	}
	return rules.ignoreCase && a.toLowerCase() === b.toLowerCase();
}

function arraysEqual(a: unknown[], b: unknown, rules: CompareRules): boolean {
	if (!Array.isArray(b) || a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (!valuesEqual(a[i], b[i], rules)) return false;
	return true;
}

function objectsEqual(a: DataRecord, b: DataRecord, rules: CompareRules): boolean {
	if (Array.isArray(b)) return false;
	for (const field in a) if (!valuesEqual(a[field], b[field], rules)) return false;
	for (const field in b)
		if (!(field in a) && !valuesEqual(undefined, b[field], rules)) return false;
	return true;
}
