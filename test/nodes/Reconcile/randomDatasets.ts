/**
 * Seeded random datasets for the planChanges properties: small key pools so that keys collide,
 * repeat and go missing; values that differ in case, spaces, type, emptiness and Unicode form (NFC
 * "Å" or NFD "A" + combining ring); random options.
 */
import {
	nfcValue,
	writeField,
	readField,
	parseFieldPath,
	type DataRecord,
} from '../../../nodes/Reconcile/fieldValues';
import type { ChangePlan, PlanOptions } from '../../../nodes/Reconcile/planChanges';
import { seededRandom, type Random } from '../../simulators/kit/random';

const VALUES: unknown[] = [
	'Anna',
	'anna',
	' ANNA ',
	'\u00C5sa',
	'A\u030Asa',
	' a\u030ASA ',
	'',
	'   ',
	null,
	undefined,
	7,
	'7',
	['x', 1],
	['a\u030A'],
	{ a: 'b' },
];
const NO_KEYS: unknown[] = [undefined, null, '', '  ', { id: 1 }];

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/**
 * Key number `n` as a record might hold it: a number, or text with stray spaces, or with case or
 * Unicode form (å as one character or as a + combining ring) that matching is told to ignore.
 */
function keyVariant(
	random: Random,
	n: number,
	{ ignoreKeyCase, normalizeUnicode }: PlanOptions,
): unknown {
	if (random() < 0.2) return n;
	const text = `${normalizeUnicode && random() < 0.3 ? 'a\u030A' : '\u00E5'}${n}`;
	const cased = ignoreKeyCase && random() < 0.3 ? text.toUpperCase() : text;
	return random() < 0.2 ? ` ${cased} ` : cased;
}

/** Records numbered first..first+count: 5 % without a key, 5 % repeating an earlier key. */
function randomRecords(
	random: Random,
	first: number,
	count: number,
	keyPath: string,
	fieldPaths: string[],
	options: PlanOptions,
) {
	return Array.from({ length: count }, (_, i) => {
		const record: DataRecord = { id: Math.floor(random() * 1e9) };
		const roll = random();
		const n = roll < 0.05 && i > 0 ? first + Math.floor(random() * i) : first + i;
		const key = roll > 0.95 ? pick(random, NO_KEYS) : keyVariant(random, n, options);
		if (key !== undefined) writeField(record, parseFieldPath(keyPath), key);
		for (const path of fieldPaths) {
			const value = random() < 0.85 ? 'same' : pick(random, VALUES);
			if (value !== undefined) writeField(record, parseFieldPath(path), value);
		}
		return record;
	});
}

export interface RandomCase {
	seed: number;
	source: DataRecord[];
	target: DataRecord[];
	options: PlanOptions;
}

function oneCase(seed: number): RandomCase {
	const random = seededRandom(seed);
	const ignoreKeyCase = random() < 0.5;
	const options: PlanOptions = {
		sourceKeyField: 'externalId',
		targetKeyField: random() < 0.5 ? 'externalId' : 'ids.external',
		ignoreKeyCase,
		fields: [
			{ sourceField: 'firstName', targetField: 'firstName', ignoreCase: random() < 0.5 },
			{ sourceField: 'email', targetField: 'primaryEmail', ignoreCase: true },
			{ sourceField: 'locale', targetField: 'prefs.locale', ignoreCase: false },
		],
		treatEmptyAsMissing: random() < 0.5,
		ignoreTargetsWithoutKey: random() < 0.5,
		removedFlagField: random() < 0.5 ? 'hardLock' : undefined,
		uniqueSourceFields: random() < 0.5 ? ['email'] : [],
		normalizeUnicode: random() < 0.5,
	};
	// The target's keys overlap the source's: some in both, some only on one side.
	const sourceCount = Math.floor(random() * 30);
	const targetCount = Math.floor(random() * 30);
	const targetFirst = Math.floor(random() * (sourceCount + 1));
	const sourceFields = options.fields.map((f) => f.sourceField);
	const targetFields = options.fields.map((f) => f.targetField);
	const target = randomRecords(
		random,
		targetFirst,
		targetCount,
		options.targetKeyField,
		targetFields,
		options,
	);
	// Some target records were locked by an earlier run.
	for (const record of target) if (random() < 0.1) record.hardLock = random() < 0.5 ? true : 'true';
	return {
		seed,
		options,
		source: randomRecords(random, 0, sourceCount, options.sourceKeyField, sourceFields, options),
		target,
	};
}

export const randomCase = {
	many: (count: number, firstSeed = 1): RandomCase[] =>
		Array.from({ length: count }, (_, i) => oneCase(firstSeed + i)),
};

/**
 * What the target looks like after the next nodes carried out the plan (locking instead of deleting
 * when there is a removed flag; created records in NFC when the node sends them so).
 */
export function applyPlan(
	plan: ChangePlan,
	source: DataRecord[],
	target: DataRecord[],
	options: PlanOptions,
): DataRecord[] {
	const deleted = new Set(plan.delete.map((e) => e.target));
	const result = target.map((record) => structuredClone(record));
	for (const { target: t, changes } of plan.update) {
		for (const change of changes)
			writeField(result[t], parseFieldPath(change.targetField), change.to);
	}
	if (options.removedFlagField) {
		for (const t of deleted) writeField(result[t], parseFieldPath(options.removedFlagField), true);
		deleted.clear();
	}
	const created = plan.create.map(({ source: s, key }) => {
		const record: DataRecord = {};
		writeField(record, parseFieldPath(options.targetKeyField), key);
		for (const field of options.fields) {
			const value = readField(source[s], parseFieldPath(field.sourceField));
			writeField(
				record,
				parseFieldPath(field.targetField),
				options.normalizeUnicode ? nfcValue(value) : value,
			);
		}
		return record;
	});
	return [...result.filter((_, t) => !deleted.has(t)), ...created];
}
