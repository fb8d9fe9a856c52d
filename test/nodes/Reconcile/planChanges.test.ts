import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { nfcText, nfcValue, type DataRecord } from '../../../nodes/Reconcile/fieldValues';
import {
	planChanges,
	type ChangePlan,
	type PlanOptions,
} from '../../../nodes/Reconcile/planChanges';
import { applyPlan, randomCase } from './randomDatasets';

const defaults: PlanOptions = {
	sourceKeyField: 'externalId',
	targetKeyField: 'externalId',
	ignoreKeyCase: false,
	fields: [
		{ sourceField: 'firstName', targetField: 'firstName', ignoreCase: false },
		{ sourceField: 'email', targetField: 'primaryEmail', ignoreCase: true },
	],
	treatEmptyAsMissing: true,
	ignoreTargetsWithoutKey: true,
};

const plan = (source: DataRecord[], target: DataRecord[], options: Partial<PlanOptions> = {}) =>
	planChanges(source, target, { ...defaults, ...options });

/** The plan as output name → keys, the way a reader checks it. */
const keysByOutput = (result: ChangePlan) => ({
	create: result.create.map((e) => e.key),
	update: result.update.map((e) => e.key),
	delete: result.delete.map((e) => e.key),
	unchanged: result.unchanged.map((e) => e.key),
	skipped: result.skipped.map((e) => `${e.side}:${e.index}`),
});

describe('planChanges', () => {
	it('sorts records into create, update, delete and unchanged by key', () => {
		const result = plan(
			[
				{ externalId: 'new', firstName: 'Nora' },
				{ externalId: 'same', firstName: 'Sam' },
				{ externalId: 'moved', firstName: 'Mona' },
			],
			[
				{ externalId: 'gone', firstName: 'Gus' },
				{ externalId: 'moved', firstName: 'Mo' },
				{ externalId: 'same', firstName: 'Sam' },
			],
		);
		assert.deepEqual(keysByOutput(result), {
			create: ['new'],
			update: ['moved'],
			delete: ['gone'],
			unchanged: ['same'],
			skipped: [],
		});
		assert.deepEqual(result.update[0], {
			source: 2,
			target: 1,
			key: 'moved',
			changes: [{ sourceField: 'firstName', targetField: 'firstName', from: 'Mo', to: 'Mona' }],
		});
		assert.deepEqual(result.unchanged[0], { source: 1, target: 2, key: 'same' });
	});

	describe('keys', () => {
		it('are trimmed, and numbers match the same text', () => {
			const result = plan(
				[{ externalId: ' a1 ' }, { externalId: 42 }],
				[{ externalId: 'a1' }, { externalId: '42' }],
			);
			assert.deepEqual(keysByOutput(result).unchanged, ['a1', '42']);
		});

		it('are case-sensitive by default, and match ignoring case with ignoreKeyCase', () => {
			const source = [{ externalId: 'ABC' }];
			const target = [{ externalId: 'abc' }];
			assert.deepEqual(keysByOutput(plan(source, target)), {
				create: ['ABC'],
				update: [],
				delete: ['abc'],
				unchanged: [],
				skipped: [],
			});
			assert.deepEqual(keysByOutput(plan(source, target, { ignoreKeyCase: true })).unchanged, [
				'ABC',
			]);
		});

		it('are read from a different field on each side, with dots for nested fields', () => {
			const result = plan([{ studentId: 's1' }], [{ ids: { admentum: 's1' } }], {
				sourceKeyField: 'studentId',
				targetKeyField: 'ids.admentum',
			});
			assert.deepEqual(keysByOutput(result).unchanged, ['s1']);
		});

		it('skips source records without a usable key, saying which field and why', () => {
			const result = plan(
				[
					{},
					{ externalId: null },
					{ externalId: '  ' },
					{ externalId: { id: 1 } },
					{ externalId: [1] },
					{ externalId: true },
				],
				[],
			);
			assert.deepEqual(
				result.skipped.map((s) => s.reason),
				[
					'The source key field "externalId" is missing.',
					'The source key field "externalId" is empty (null).',
					'The source key field "externalId" is empty.',
					'The source key field "externalId" holds an object, not a text or a number.',
					'The source key field "externalId" holds a list, not a text or a number.',
					'The source key field "externalId" holds the boolean true, not a text or a number.',
				],
			);
			assert.ok(result.skipped.every((s) => s.side === 'source' && s.key === undefined));
		});
	});

	describe('target records without a key', () => {
		const target = [{ externalId: 'a' }, { email: 'admin@school.se' }];

		it('are left alone by default and counted', () => {
			const result = plan([{ externalId: 'a' }], target);
			assert.deepEqual(keysByOutput(result), {
				create: [],
				update: [],
				delete: [],
				unchanged: ['a'],
				skipped: [],
			});
			assert.equal(result.ignoredTargets, 1);
		});

		it('are skipped with the reason when ignoreTargetsWithoutKey is off', () => {
			const result = plan([{ externalId: 'a' }], target, { ignoreTargetsWithoutKey: false });
			assert.deepEqual(result.skipped, [
				{ side: 'target', index: 1, reason: 'The target key field "externalId" is missing.' },
			]);
			assert.equal(result.ignoredTargets, 0);
		});
	});

	describe('keys held by several records', () => {
		it('skip every record with that key on both sides, naming the key and the counts', () => {
			const result = plan(
				[
					{ externalId: 'twin' },
					{ externalId: 'ok' },
					{ externalId: 'twin ' },
					{ externalId: 'solo' },
				],
				[
					{ externalId: 'twin' },
					{ externalId: 'ok' },
					{ externalId: 'dup' },
					{ externalId: 'dup' },
					{ externalId: 'solo' },
				],
			);
			assert.deepEqual(keysByOutput(result), {
				create: [],
				update: [],
				delete: [],
				unchanged: ['ok', 'solo'],
				skipped: ['source:0', 'source:2', 'target:0', 'target:2', 'target:3'],
			});
			assert.equal(
				result.skipped[0].reason,
				'The key "twin" is held by 2 source records and 1 target record (source field "externalId", ' +
					'target field "externalId"); records that share a key are not matched.',
			);
			assert.match(
				result.skipped[3].reason,
				/"dup" is held by 0 source records and 2 target records/,
			);
		});

		it('count keys that differ only in case as the same key when ignoring case', () => {
			const result = plan([{ externalId: 'A' }, { externalId: 'a' }], [], { ignoreKeyCase: true });
			assert.deepEqual(keysByOutput(result).skipped, ['source:0', 'source:1']);
			assert.match(result.skipped[0].reason, /held by 2 source records .*ignoring case/);
		});

		it('also catch two source records that would both be created', () => {
			const result = plan([{ externalId: 'n' }, { externalId: 'n' }], []);
			assert.deepEqual(keysByOutput(result).create, []);
			assert.equal(result.skipped.length, 2);
		});
	});

	describe('fields to compare', () => {
		it('map a source field to a differently named target field, with dot paths', () => {
			const result = plan(
				[{ externalId: 'a', lang: 'sv' }],
				[{ externalId: 'a', prefs: { locale: 'en' } }],
				{
					fields: [{ sourceField: 'lang', targetField: 'prefs.locale', ignoreCase: false }],
				},
			);
			assert.deepEqual(result.update[0].changes, [
				{ sourceField: 'lang', targetField: 'prefs.locale', from: 'en', to: 'sv' },
			]);
		});

		it('compare ignoring case only for the fields that ask for it', () => {
			const source = [{ externalId: 'a', firstName: 'anna', email: 'ANNA@X.SE' }];
			const target = [{ externalId: 'a', firstName: 'Anna', primaryEmail: 'anna@x.se' }];
			assert.deepEqual(
				plan(source, target).update[0].changes.map((c) => c.targetField),
				['firstName'],
			);
		});

		it('never compare fields that are not listed', () => {
			const result = plan(
				[{ externalId: 'a', firstName: 'A', phone: '1' }],
				[{ externalId: 'a', firstName: 'A', phone: '2' }],
			);
			assert.equal(result.unchanged.length, 1);
		});

		it('trim text, treat numbers as text, and compare lists and objects member by member', () => {
			const fields = ['v'].map((f) => ({ sourceField: f, targetField: f, ignoreCase: false }));
			const same = (a: unknown, b: unknown) =>
				plan([{ externalId: 'k', v: a }], [{ externalId: 'k', v: b }], { fields }).unchanged
					.length === 1;
			assert.ok(same(' Anna ', 'Anna'));
			assert.ok(same(7, '7'));
			assert.ok(same(true, 'true'));
			assert.ok(same(['a', 1], ['a ', '1']));
			assert.ok(same({ x: 'a', y: null }, { x: 'a' }));
			assert.ok(!same(['a'], ['a', 'b']));
			assert.ok(!same({ x: 'a' }, { x: 'b' }));
			assert.ok(!same({ x: 'a' }, ['a']));
		});
	});

	describe('the empty rule', () => {
		const fields = [{ sourceField: 'v', targetField: 'v', ignoreCase: false }];
		const outcome = (a: DataRecord, b: DataRecord, treatEmptyAsMissing: boolean) => {
			const result = plan([{ externalId: 'k', ...a }], [{ externalId: 'k', ...b }], {
				fields,
				treatEmptyAsMissing,
			});
			return result.unchanged.length === 1 ? 'unchanged' : result.update[0].changes[0];
		};

		it('by default, missing, null, empty and blank text are all the same', () => {
			for (const [a, b] of [
				[{}, { v: '' }],
				[{ v: null }, { v: '   ' }],
				[{ v: '' }, {}],
				[{}, { v: null }],
			]) {
				assert.equal(outcome(a, b, true), 'unchanged', JSON.stringify([a, b]));
			}
		});

		it('when off, empty text is a value, but missing and null are still the same', () => {
			assert.equal(outcome({}, { v: null }, false), 'unchanged');
			assert.deepEqual(outcome({ v: '' }, {}, false), {
				sourceField: 'v',
				targetField: 'v',
				from: null,
				to: '',
			});
			assert.deepEqual(outcome({}, { v: ' ' }, false), {
				sourceField: 'v',
				targetField: 'v',
				from: ' ',
				to: null,
			});
		});

		it('a source without a value clears the target value (to: null)', () => {
			assert.deepEqual(outcome({}, { v: 'x' }, true), {
				sourceField: 'v',
				targetField: 'v',
				from: 'x',
				to: null,
			});
		});
	});
});

describe('records an earlier run removed (Removed Flag Field)', () => {
	const locked = { removedFlagField: 'hardLock' };

	it('are not deleted again and are counted apart', () => {
		const result = plan(
			[],
			[{ externalId: 'left', hardLock: true }, { externalId: 'gone' }],
			locked,
		);
		assert.deepEqual(
			result.delete.map((e) => e.key),
			['gone'],
		);
		assert.equal(result.alreadyRemoved, 1);
	});

	it('come back unlocked when the person is in the source again, with any other change', () => {
		const result = plan(
			[{ externalId: 'back', firstName: 'Bo' }],
			[{ externalId: 'back', firstName: 'B', hardLock: 'true' }],
			locked,
		);
		assert.deepEqual(result.update[0].changes, [
			{ sourceField: 'firstName', targetField: 'firstName', from: 'B', to: 'Bo' },
			{ sourceField: 'hardLock', targetField: 'hardLock', from: true, to: false },
		]);
	});

	it('are deleted like any other when the option is not set', () => {
		const result = plan([], [{ externalId: 'left', hardLock: true }]);
		assert.deepEqual(
			result.delete.map((e) => e.key),
			['left'],
		);
		assert.equal(result.alreadyRemoved, 0);
	});
});

describe('source fields that must be unique', () => {
	it('skip every source record sharing a value, ignoring case, with its matched target, naming the keys', () => {
		const result = plan(
			[
				{ externalId: 'a', email: 'Same@School.se' },
				{ externalId: 'b', email: 'same@school.se' },
				{ externalId: 'c', email: 'own@school.se' },
				{ externalId: 'd', email: null },
				{ externalId: 'e', email: '' },
			],
			[{ externalId: 'a', primaryEmail: 'same@school.se' }],
			{ uniqueSourceFields: ['email'] },
		);
		assert.deepEqual(keysByOutput(result), {
			create: ['c', 'd', 'e'],
			update: [],
			delete: [],
			unchanged: [],
			skipped: ['source:0', 'source:1', 'target:0'],
		});
		assert.equal(
			result.skipped[0].reason,
			'The email "Same@School.se" is used by 2 source records (keys "a", "b"); it must be unique, so none of them is synced until the source is corrected.',
		);
	});
});

describe('Unicode normalization (normalizeUnicode)', () => {
	// "Åsa" as a Mac may type it (A + combining ring, NFD) and as one character (Å, NFC).
	const asaNfd = 'A\u030Asa';
	const asaNfc = '\u00C5sa';
	const inNfc = { normalizeUnicode: true };

	it('counts a name in NFD and the same name in NFC as unchanged, either side; without the option as an update', () => {
		for (const [sourceName, targetName] of [
			[asaNfd, asaNfc],
			[asaNfc, asaNfd],
		]) {
			const source = [{ externalId: 'a', firstName: sourceName }];
			const target = [{ externalId: 'a', firstName: targetName }];
			assert.deepEqual(keysByOutput(plan(source, target, inNfc)).unchanged, ['a']);
			assert.deepEqual(plan(source, target).update[0].changes, [
				{ sourceField: 'firstName', targetField: 'firstName', from: targetName, to: sourceName },
			]);
		}
	});

	it('sends a new value in NFC, and reports the target value as it is', () => {
		const result = plan(
			[{ externalId: 'a', firstName: ` ${asaNfd}` }],
			[{ externalId: 'a', firstName: 'Anna' }],
			inNfc,
		);
		assert.deepEqual(result.update[0].changes, [
			{ sourceField: 'firstName', targetField: 'firstName', from: 'Anna', to: ` ${asaNfc}` },
		]);
	});

	it('matches keys in NFC and reports them in NFC', () => {
		const source = [{ externalId: `${asaNfd}1` }];
		const target = [{ externalId: `${asaNfc}1` }];
		assert.deepEqual(keysByOutput(plan(source, target, inNfc)).unchanged, [`${asaNfc}1`]);
		assert.deepEqual(keysByOutput(plan(source, target)), {
			create: [`${asaNfd}1`],
			update: [],
			delete: [`${asaNfc}1`],
			unchanged: [],
			skipped: [],
		});
	});

	it('works together with ignoring case, for fields and for keys', () => {
		const source = [{ externalId: 'A\u030ASA', email: 'A\u030ASA@SCHOOL.SE' }];
		const target = [{ externalId: '\u00E5sa', primaryEmail: '\u00E5sa@school.se' }];
		const result = plan(source, target, { ...inNfc, ignoreKeyCase: true });
		assert.deepEqual(keysByOutput(result).unchanged, ['\u00C5SA']);
		assert.deepEqual(keysByOutput(plan(source, target, { ignoreKeyCase: true })).create, [
			'A\u030ASA',
		]);
	});

	it('compares text inside lists and objects in NFC too', () => {
		const fields = [{ sourceField: 'v', targetField: 'v', ignoreCase: false }];
		const source = [{ externalId: 'k', v: { names: [asaNfd, 7] } }];
		const target = [{ externalId: 'k', v: { names: [asaNfc, '7'] } }];
		assert.equal(plan(source, target, { ...inNfc, fields }).unchanged.length, 1);
		assert.equal(plan(source, target, { fields }).update.length, 1);
	});

	it('counts values of a field that must be unique as the same when only their form differs', () => {
		const source = [
			{ externalId: 'a', email: `${asaNfd}@x.se` },
			{ externalId: 'b', email: `${asaNfc}@x.se` },
		];
		assert.deepEqual(
			keysByOutput(plan(source, [], { ...inNfc, uniqueSourceFields: ['email'] })).skipped,
			['source:0', 'source:1'],
		);
		assert.deepEqual(keysByOutput(plan(source, [], { uniqueSourceFields: ['email'] })).create, [
			'a',
			'b',
		]);
	});
});

describe('nfcText and nfcValue', () => {
	it('nfcText gives what normalize("NFC") gives, also for every pair of characters around its U+0300 shortcut', () => {
		for (let a = 0; a < 0x310; a++) {
			for (let b = 0; b < 0x310; b++) {
				const text = String.fromCharCode(a, b);
				if (nfcText(text) !== text.normalize('NFC'))
					assert.fail(`U+${a.toString(16)} U+${b.toString(16)}`);
			}
		}
		for (const text of [
			'A\u030Asa',
			'Bjo\u0308rn',
			'\u1100\u1161',
			'e\u0301\u0323',
			'\u212B',
			'\u{1F600}e\u0301',
		]) {
			assert.equal(nfcText(text), text.normalize('NFC'), JSON.stringify(text));
		}
	});

	it('nfcValue normalizes text in lists and objects, leaves other values alone and never changes its input', () => {
		const date = new Date(0);
		const nested = {
			name: 'A\u030Asa',
			tags: ['o\u0308', 1, null],
			at: date,
			ok: true,
			plain: 'Anna',
		};
		const before = structuredClone(nested);
		assert.deepEqual(nfcValue(nested), {
			name: '\u00C5sa',
			tags: ['\u00F6', 1, null],
			at: date,
			ok: true,
			plain: 'Anna',
		});
		assert.deepEqual(nested, before);
		const alreadyNfc = { name: '\u00C5sa', tags: ['x'] };
		assert.equal(nfcValue(alreadyNfc), alreadyNfc, 'returned as it is, not copied');
	});
});

describe('planChanges properties, over seeded random datasets', () => {
	const cases = 400;

	it('puts every source record in exactly one output', () => {
		for (const { seed, source, target, options } of randomCase.many(cases)) {
			const result = planChanges(source, target, options);
			const seen = [
				...result.create.map((e) => e.source),
				...result.update.map((e) => e.source),
				...result.unchanged.map((e) => e.source),
				...result.skipped.filter((e) => e.side === 'source').map((e) => e.index),
			].sort((a, b) => a - b);
			assert.deepEqual(seen, [...source.keys()], `seed ${seed}`);
		}
	});

	it('puts every keyed target record in exactly one output, and ignores keyless ones only when told to', () => {
		for (const { seed, source, target, options } of randomCase.many(cases)) {
			const result = planChanges(source, target, options);
			const seen = [
				...result.update.map((e) => e.target),
				...result.unchanged.map((e) => e.target),
				...result.delete.map((e) => e.target),
				...result.skipped.filter((e) => e.side === 'target').map((e) => e.index),
			];
			assert.equal(new Set(seen).size, seen.length, `seed ${seed}: a target record in two outputs`);
			assert.equal(
				seen.length + result.ignoredTargets + result.alreadyRemoved,
				target.length,
				`seed ${seed}`,
			);
			if (!options.removedFlagField) assert.equal(result.alreadyRemoved, 0);
			if (!options.ignoreTargetsWithoutKey) assert.equal(result.ignoredTargets, 0);
		}
	});

	it('leaves only unchanged (and the same skipped) records once the plan is applied', () => {
		for (const { seed, source, target, options } of randomCase.many(cases)) {
			const first = planChanges(source, target, options);
			const second = planChanges(source, applyPlan(first, source, target, options), options);
			const message = `seed ${seed}`;
			assert.deepEqual([second.create, second.update, second.delete], [[], [], []], message);
			assert.equal(
				second.unchanged.length,
				first.create.length + first.update.length + first.unchanged.length,
				message,
			);
			assert.deepEqual(
				second.skipped.filter((e) => e.side === 'source'),
				first.skipped.filter((e) => e.side === 'source'),
				message,
			);
		}
	});

	it('with normalizeUnicode, decides the same when the source spells all its text in NFD', () => {
		const inNfd = (records: DataRecord[]): DataRecord[] =>
			JSON.parse(
				JSON.stringify(records, (_, value) =>
					typeof value === 'string' ? value.normalize('NFD') : value,
				),
			);
		// Reasons quote the source's values as they are; everything else must be the same.
		const decisions = (result: ChangePlan) => ({
			...result,
			skipped: result.skipped.map(({ reason: _reason, ...skip }) => skip),
		});
		for (const { seed, source, target, options } of randomCase.many(cases)) {
			const inNfc = { ...options, normalizeUnicode: true };
			const asGiven = decisions(planChanges(source, target, inNfc));
			assert.deepEqual(
				decisions(planChanges(inNfd(source), target, inNfc)),
				asGiven,
				`seed ${seed}`,
			);
		}
	});
});
