import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../engine/runWorkflow';
import {
	after,
	OUTPUTS,
	RECONCILE,
	reconcileWorkflow,
	runReconcile,
	type OutputName,
} from '../../engine/workflows/reconcileWorkflow';

type Result = Awaited<ReturnType<typeof runReconcile>>;

/** The engine keeps a plain copy of the error that stopped the run, so check its name. */
function assertNodeOperationError(error: Error | undefined): asserts error is Error {
	assert.equal(error?.name, 'NodeOperationError', 'the run should stop with a NodeOperationError');
}

const outputOf = (result: Result, name: OutputName) =>
	result.output(RECONCILE, OUTPUTS.indexOf(name));
const jsonOf = (result: Result, name: OutputName) => result.json(RECONCILE, OUTPUTS.indexOf(name));
const keysOf = (result: Result, name: OutputName) => jsonOf(result, name).map((json) => json.key);

/** An output item as [json, its pairings as [item, input]]; n8n writes input 0 as undefined. */
const shapeOf = ({ json, pairedItem }: INodeExecutionData) => [
	json,
	[pairedItem ?? []]
		.flat()
		.map((pair) => (typeof pair === 'number' ? [pair, 0] : [pair.item, pair.input ?? 0])),
];
const itemsOf = (result: Result, name: OutputName) => outputOf(result, name).map(shapeOf);

async function reconcile(
	source: IDataObject[],
	target: IDataObject[],
	parameters?: INodeParameters,
) {
	const result = await runReconcile(source, target, parameters);
	if (result.error) throw result.error;
	return result;
}

const fields = (...rows: Array<[string, string, boolean?]>) => ({
	fieldsToCompare: {
		fields: rows.map(([sourceField, targetField, ignoreCase]) => ({
			sourceField,
			targetField,
			ignoreCase: ignoreCase ?? false,
		})),
	},
});

const people = (count: number, from = 0) =>
	Array.from({ length: count }, (_, i) => ({
		id: `u${from + i}`,
		externalId: `p${from + i}`,
		firstName: 'Same',
	}));

describe('Reconcile node, run by the n8n engine', () => {
	describe('with the default settings (the Admentum → Learnifier template)', () => {
		const source = [
			{ externalId: 'new', firstName: 'Nora', lastName: 'N', email: 'nora@school.se' },
			{ externalId: 'moved', firstName: 'Mona', lastName: 'M', email: 'MONA@school.se' },
			{ externalId: 'same', firstName: 'Sam', lastName: 'S', email: 'Sam@School.se' },
			{ firstName: 'No', lastName: 'Key' },
		];
		const target = [
			{
				id: 't0',
				externalId: 'same',
				firstName: 'Sam',
				lastName: 'S',
				primaryEmail: 'sam@school.se',
			},
			{
				id: 't1',
				externalId: 'gone',
				firstName: 'Gus',
				lastName: 'G',
				primaryEmail: 'gus@school.se',
			},
			{ id: 't2', firstName: 'Admin', primaryEmail: 'admin@school.se' },
			{
				id: 't3',
				externalId: 'moved',
				firstName: 'Mona',
				lastName: 'M',
				primaryEmail: 'mona@old.se',
			},
		];
		// One deletion of four targets is 25 %: the guard is exercised on its own below.
		const allow = { options: { allowMassDeletion: true } };

		it('sends each record to its output in the documented shape, paired with its input items', async () => {
			const result = await reconcile(source, target, allow);
			assert.deepEqual(itemsOf(result, 'Create'), [[{ ...source[0], key: 'new' }, [[0, 0]]]]);
			assert.deepEqual(itemsOf(result, 'Update'), [
				[
					{
						key: 'moved',
						targetId: 't3',
						update: { primaryEmail: 'MONA@school.se' },
						changes: { primaryEmail: { from: 'mona@old.se', to: 'MONA@school.se' } },
						changedFields: ['primaryEmail'],
						source: source[1],
						target: target[3],
					},
					[
						[1, 0],
						[3, 1],
					],
				],
			]);
			assert.deepEqual(itemsOf(result, 'Delete'), [
				[{ ...target[1], key: 'gone', targetId: 't1' }, [[1, 1]]],
			]);
			assert.deepEqual(itemsOf(result, 'Unchanged'), [
				[
					{
						key: 'same',
						targetId: 't0',
						source: source[2],
						target: target[0],
						_sync: { action: 'unchanged' },
					},
					[
						[2, 0],
						[0, 1],
					],
				],
			]);
			assert.deepEqual(itemsOf(result, 'Skipped'), [
				[
					{
						side: 'source',
						key: null,
						reason: 'The source key field "externalId" is missing.',
						record: source[3],
						_sync: { action: 'skipped', reason: 'The source key field "externalId" is missing.' },
					},
					[[3, 0]],
				],
			]);
		});

		it('runs the node after each output that has items', async () => {
			const result = await reconcile(source, target, allow);
			for (const output of OUTPUTS) assert.ok(result.executedNodes.includes(after(output)), output);
		});

		it('does not change the records it was given', async () => {
			const workflow = reconcileWorkflow(source, target, allow);
			const recordsOf = (node: string) => workflow.pinData![node].map((item) => item.json);
			const before = [recordsOf('Source'), recordsOf('Target')];
			await runWorkflow(workflow);
			assert.deepEqual([recordsOf('Source'), recordsOf('Target')], structuredClone(before));
			assert.deepEqual(before, [source, target]);
		});
	});

	it('pairs every item on every output with the input items its records came from', async () => {
		const source = Array.from({ length: 300 }, (_, i) => ({
			externalId: i % 97 === 5 ? '' : `p${i % 290}`,
			firstName: `F${i % 7}`,
		}));
		const target = Array.from({ length: 300 }, (_, i) => ({
			id: `t${i}`,
			externalId: `p${i + 20}`,
			firstName: `F${i % 5}`,
		}));
		const result = await reconcile(source, target, { options: { allowMassDeletion: true } });
		const inputs = [source, target];
		const recordsOf = (name: OutputName, json: IDataObject): IDataObject[] => {
			if (name === 'Create' || name === 'Delete') {
				const { key: _key, targetId: _targetId, ...record } = json;
				return [record];
			}
			if (name === 'Skipped') return [json.record as IDataObject];
			return [json.source as IDataObject, json.target as IDataObject];
		};
		let pairings = 0;
		for (const name of OUTPUTS) {
			for (const [json, pairs] of itemsOf(result, name) as Array<
				[IDataObject, Array<[number, number]>]
			>) {
				assert.deepEqual(
					pairs.map(([item, input]) => inputs[input][item]),
					recordsOf(name, json),
					name,
				);
				pairings += pairs.length;
			}
		}
		assert.equal(
			pairings,
			source.length + target.length,
			'every input item is paired exactly once',
		);
		for (const name of OUTPUTS)
			assert.ok(outputOf(result, name).length > 0, `${name} is empty in this scenario`);
	});

	it('Source Key Field and Target Key Field: match on a different field per side, dots for nested fields', async () => {
		const result = await reconcile(
			[{ studentId: ' 1001 ' }, { studentId: 1002 }],
			[
				{ id: 'a', ids: { admentum: '1001' } },
				{ id: 'b', ids: { admentum: '1002' } },
			],
			{ sourceKeyField: 'studentId', targetKeyField: 'ids.admentum' },
		);
		assert.deepEqual(keysOf(result, 'Unchanged'), ['1001', '1002']);
	});

	it('Options › Ignore Case of Keys: keys that differ only in case match', async () => {
		const source = [{ externalId: 'ABC' }];
		const target = [{ id: 1, externalId: 'abc' }];
		const caseSensitive = await reconcile(source, target, { options: { allowMassDeletion: true } });
		assert.deepEqual(
			[keysOf(caseSensitive, 'Create'), keysOf(caseSensitive, 'Delete')],
			[['ABC'], ['abc']],
		);
		const ignoringCase = await reconcile(source, target, { options: { ignoreKeyCase: true } });
		assert.deepEqual(keysOf(ignoringCase, 'Unchanged'), ['ABC']);
	});

	it('Options › Removed Flag Field: locked leavers are not deleted again nor counted by the guard; returners are unlocked', async () => {
		const source = [
			{ externalId: 'back', firstName: 'Bo' },
			...Array.from({ length: 9 }, (_, i) => ({ externalId: `p${i}` })),
		];
		const target = [
			{ id: 'u1', externalId: 'back', firstName: 'Bo', hardLock: true },
			...Array.from({ length: 9 }, (_, i) => ({ id: `t${i}`, externalId: `p${i}` })),
			// Four leavers locked by earlier nights: without the option they would be 4 of 14 (29 %).
			...Array.from({ length: 4 }, (_, i) => ({
				id: `l${i}`,
				externalId: `left${i}`,
				hardLock: true,
			})),
		];
		const result = await reconcile(source, target, { options: { removedFlagField: 'hardLock' } });
		assert.deepEqual(keysOf(result, 'Delete'), []);
		const [update] = jsonOf(result, 'Update');
		assert.deepEqual([update.targetId, update.update], ['u1', { hardLock: false }]);
		const withoutOption = await runReconcile(source, target);
		assert.match(String(withoutOption.error?.message), /would remove 4 of 14 records/);
	});

	it('Options › Source Fields That Must Be Unique: people sharing an e-mail are skipped with their target, nothing else', async () => {
		const result = await reconcile(
			[
				{ externalId: 'a', email: 'shared@x.se' },
				{ externalId: 'b', email: 'SHARED@x.se' },
				{ externalId: 'c', email: 'c@x.se' },
			],
			[{ id: 1, externalId: 'a', primaryEmail: 'shared@x.se' }],
			{ options: { uniqueSourceFields: 'email' } },
		);
		assert.deepEqual(keysOf(result, 'Create'), ['c']);
		const reason = (email: string) =>
			`The email "${email}" is used by 2 source records (keys "a", "b"); it must be unique, so none of them is synced until the source is corrected.`;
		assert.deepEqual(
			jsonOf(result, 'Skipped').map((item) => [item.side, item.key, item._sync]),
			[
				['source', 'a', { action: 'skipped', reason: reason('shared@x.se') }],
				['source', 'b', { action: 'skipped', reason: reason('SHARED@x.se') }],
				['target', 'a', { action: 'skipped', reason: reason('shared@x.se') }],
			],
		);
	});

	it('Fields to Compare: maps source fields to target fields, per-field Ignore Case, nested target fields', async () => {
		const result = await reconcile(
			[{ externalId: 'a', mail: 'ANNA@X.SE', title: 'teacher', lang: 'sv', phone: '1' }],
			[
				{
					id: 1,
					externalId: 'a',
					primaryEmail: 'anna@x.se',
					jobTitle: 'Teacher',
					prefs: { locale: 'en' },
					phone: '2',
				},
			],
			fields(['mail', 'primaryEmail', true], ['title', 'jobTitle'], ['lang', 'prefs.locale']),
		);
		const [update] = jsonOf(result, 'Update');
		assert.deepEqual(update.changedFields, ['jobTitle', 'prefs.locale']);
		assert.deepEqual(update.update, { jobTitle: 'teacher', prefs: { locale: 'sv' } });
		assert.deepEqual(update.changes, {
			jobTitle: { from: 'Teacher', to: 'teacher' },
			'prefs.locale': { from: 'en', to: 'sv' },
		});
	});

	describe('Options › Normalize Unicode (NFC)', () => {
		// "Åsa Öberg" as a Mac may type it (letter + combining mark, NFD) and as one character each (NFC).
		const nfd = { firstName: 'A\u030Asa', lastName: 'O\u0308berg' };
		const nfc = { firstName: '\u00C5sa', lastName: '\u00D6berg' };
		const inNfc = { options: { normalizeUnicode: true } };

		it('a target name in NFD and the same source name in NFC are unchanged; without the option an update', async () => {
			const source = [{ externalId: 'a', ...nfc }];
			const target = [{ id: 1, externalId: 'a', ...nfd }];
			assert.deepEqual(keysOf(await reconcile(source, target, inNfc), 'Unchanged'), ['a']);
			assert.deepEqual(jsonOf(await reconcile(source, target), 'Update')[0].update, nfc);
		});

		it('a new person typed in NFD is created with name and key in NFC; without the option as given', async () => {
			const source = [{ externalId: 'a\u030A1', ...nfd, email: 'asa@school.se' }];
			const created = { externalId: '\u00E51', ...nfc, email: 'asa@school.se', key: '\u00E51' };
			assert.deepEqual(jsonOf(await reconcile(source, [], inNfc), 'Create'), [created]);
			assert.deepEqual(jsonOf(await reconcile(source, []), 'Create'), [
				{ ...source[0], key: 'a\u030A1' },
			]);
		});

		it('an update sends the new name in NFC in update and changes, and hands on the records as they are', async () => {
			const source = [{ externalId: 'a', ...nfd }];
			const target = [{ id: 1, externalId: 'a', firstName: 'Asa', lastName: 'Oberg' }];
			const [update] = jsonOf(await reconcile(source, target, inNfc), 'Update');
			assert.deepEqual(update.update, nfc);
			assert.deepEqual(update.changes, {
				firstName: { from: 'Asa', to: nfc.firstName },
				lastName: { from: 'Oberg', to: nfc.lastName },
			});
			assert.deepEqual([update.source, update.target], [source[0], target[0]]);
			assert.deepEqual(jsonOf(await reconcile(source, target), 'Update')[0].update, nfd);
		});

		it('keys in NFD and in NFC belong to the same person', async () => {
			const source = [{ externalId: 'a\u030Asa.o' }];
			const target = [{ id: 1, externalId: '\u00E5sa.o' }];
			assert.deepEqual(keysOf(await reconcile(source, target, inNfc), 'Unchanged'), ['\u00E5sa.o']);
			const withoutOption = await reconcile(source, target, {
				options: { allowMassDeletion: true },
			});
			assert.deepEqual(
				[keysOf(withoutOption, 'Create'), keysOf(withoutOption, 'Delete')],
				[['a\u030Asa.o'], ['\u00E5sa.o']],
			);
		});

		it('works together with Ignore Case on a field and Ignore Case of Keys', async () => {
			const source = [{ externalId: 'A\u030ASA', email: 'A\u030ASA@SCHOOL.SE' }];
			const target = [{ id: 1, externalId: '\u00E5sa', primaryEmail: '\u00E5sa@school.se' }];
			const ignoringCase = {
				...fields(['email', 'primaryEmail', true]),
				options: { ignoreKeyCase: true, allowMassDeletion: true },
			};
			const result = await reconcile(source, target, {
				...ignoringCase,
				options: { ...ignoringCase.options, normalizeUnicode: true },
			});
			assert.deepEqual(keysOf(result, 'Unchanged'), ['\u00C5SA']);
			assert.deepEqual(keysOf(await reconcile(source, target, ignoringCase), 'Create'), [
				'A\u030ASA',
			]);
		});
	});

	describe('Options › Treat Empty as Missing', () => {
		const source = [
			{ externalId: 'a', firstName: '' },
			{ externalId: 'b' },
			{ externalId: 'c', firstName: 'Cy' },
		];
		const target = [
			{ id: 1, externalId: 'a' },
			{ id: 2, externalId: 'b', firstName: '  ' },
			{ id: 3, externalId: 'c', firstName: null },
		];
		const firstNameOnly = fields(['firstName', 'firstName']);

		it('on (default): missing, null and blank text are the same, a new value is an update', async () => {
			const result = await reconcile(source, target, firstNameOnly);
			assert.deepEqual(keysOf(result, 'Unchanged'), ['a', 'b']);
			assert.deepEqual(jsonOf(result, 'Update')[0].changes, {
				firstName: { from: null, to: 'Cy' },
			});
		});

		it('off: empty text is a value of its own', async () => {
			const result = await reconcile(source, target, {
				...firstNameOnly,
				options: { treatEmptyAsMissing: false },
			});
			assert.deepEqual(keysOf(result, 'Update'), ['a', 'b', 'c']);
			assert.deepEqual(jsonOf(result, 'Update')[0].update, { firstName: '' });
			assert.deepEqual(jsonOf(result, 'Update')[1].update, { firstName: null });
		});
	});

	describe('Options › Ignore Target Records Without Key', () => {
		const target = [
			{ id: 1, externalId: 'a' },
			{ id: 'admin', primaryEmail: 'admin@school.se' },
		];

		it('on (default): hand-made admins without a key are left alone', async () => {
			const result = await reconcile([{ externalId: 'a' }], target);
			assert.deepEqual(keysOf(result, 'Unchanged'), ['a']);
			assert.equal(outputOf(result, 'Skipped').length + outputOf(result, 'Delete').length, 0);
		});

		it('off: they go to Skipped with the reason, paired with the target item', async () => {
			const result = await reconcile([{ externalId: 'a' }], target, {
				options: { ignoreTargetsWithoutKey: false },
			});
			assert.deepEqual(itemsOf(result, 'Skipped'), [
				[
					{
						side: 'target',
						key: null,
						reason: 'The target key field "externalId" is missing.',
						record: target[1],
						_sync: { action: 'skipped', reason: 'The target key field "externalId" is missing.' },
					},
					[[1, 1]],
				],
			]);
		});
	});

	it('skips every record whose key is held by several records, on either side, naming the key', async () => {
		const result = await reconcile(
			[{ externalId: 'twin' }, { externalId: 'twin' }, { externalId: 'dup' }, { externalId: 'ok' }],
			[
				{ id: 1, externalId: 'dup' },
				{ id: 2, externalId: 'dup ' },
				{ id: 3, externalId: 'twin' },
				{ id: 4, externalId: 'ok' },
			],
		);
		assert.deepEqual(keysOf(result, 'Unchanged'), ['ok']);
		assert.deepEqual(
			itemsOf(result, 'Skipped').map(([json, pairs]) => [
				(json as IDataObject).side,
				(json as IDataObject).key,
				pairs,
			]),
			[
				['source', 'twin', [[0, 0]]],
				['source', 'twin', [[1, 0]]],
				['source', 'dup', [[2, 0]]],
				['target', 'dup', [[0, 1]]],
				['target', 'dup', [[1, 1]]],
				['target', 'twin', [[2, 1]]],
			],
		);
		assert.match(
			String(jsonOf(result, 'Skipped')[2].reason),
			/The key "dup" is held by 1 source record and 2 target records/,
		);
	});

	it('Target ID Field: copies the chosen field to targetId', async () => {
		const result = await reconcile(
			[{ externalId: 'a', firstName: 'New' }, { externalId: 'b' }],
			[
				{ uuid: 'x-1', externalId: 'a' },
				{ uuid: 'x-2', externalId: 'b' },
			],
			{ targetIdField: 'uuid' },
		);
		assert.equal(jsonOf(result, 'Update')[0].targetId, 'x-1');
		assert.equal(jsonOf(result, 'Unchanged')[0].targetId, 'x-2');
	});

	it('names the setting when a key field is left empty', async () => {
		const result = await runReconcile([{ externalId: 'a' }], [], { sourceKeyField: ' ' });
		assertNodeOperationError(result.error);
		assert.equal(result.error.message, '"Source Key Field" is empty: enter a field name');
	});

	describe('the deletion guard', () => {
		async function stopped(
			source: IDataObject[],
			target: IDataObject[],
			parameters?: INodeParameters,
		) {
			const result = await runReconcile(source, target, parameters);
			assertNodeOperationError(result.error);
			for (const output of OUTPUTS)
				assert.ok(!result.executedNodes.includes(after(output)), `${after(output)} ran`);
			return result.error.message;
		}

		it('stops a run that deletes more than 50 records, before any later node runs', async () => {
			const message = await stopped(people(540), people(600)); // 60 of 600: 10 %, but more than 50
			assert.match(
				message,
				/would remove 60 of 600 records \(10\.0 %\), more than the limit of 50 records or 10 %/,
			);
			assert.match(
				message,
				/raise "Max Deletions" or "Max Deletion Percentage", or turn on "Allow Mass Deletion"/,
			);
		});

		it('stops a run that deletes more than 10 % of the target', async () => {
			const message = await stopped(people(17), people(20));
			assert.match(message, /would remove 3 of 20 records \(15\.0 %\)/);
		});

		it('stops when the source is empty and the target is not', async () => {
			const message = await stopped([], people(3));
			assert.match(message, /the source list is empty while the target holds 3 records/);
			assert.match(message, /turn on "Allow Mass Deletion" under Options/);
		});

		it('counts only target records with a key while those without are ignored', async () => {
			const admins = Array.from({ length: 30 }, (_, i) => ({ id: `admin${i}` }));
			// 2 of 40 would be 5 %; of the 10 keyed records it is 20 %.
			const message = await stopped(people(8), [...people(10), ...admins]);
			assert.match(message, /would remove 2 of 10 records \(20\.0 %\)/);
		});

		it('lets the deletions through within raised limits, or with Allow Mass Deletion', async () => {
			for (const options of [
				{ maxDeletions: 60, maxDeletionPercent: 10 },
				{ allowMassDeletion: true },
			]) {
				const result = await reconcile(people(540), people(600), { options });
				assert.equal(outputOf(result, 'Delete').length, 60);
				assert.ok(result.executedNodes.includes(after('Delete')));
			}
		});

		it('with "Report a Guard Stop to Sync Summary" it fails nothing here and puts out only the stopped outcome', async () => {
			const workflow = reconcileWorkflow(people(17, 100), people(20));
			const reconcile = workflow.nodes.find((node) => node.name === RECONCILE)!;
			reconcile.parameters = { ...reconcile.parameters, options: { reportGuardStop: true } };
			const result = await runWorkflow(workflow);
			assert.equal(result.error, undefined);
			assert.deepEqual(
				result.executedNodes.filter((name) => name.startsWith('After')),
				[after('Skipped')],
			);
			const [item] = outputOf(result, 'Skipped');
			assert.equal((item.json._sync as { action: string }).action, 'stopped');
		});

		it('holds every change back even when the node is set to continue on error', async () => {
			const workflow = reconcileWorkflow(people(17, 100), people(20));
			workflow.nodes.find((node) => node.name === RECONCILE)!.onError = 'continueRegularOutput';
			const result = await runWorkflow(workflow);
			assert.deepEqual(
				result.executedNodes.filter((name) => name.startsWith('After')),
				[after('Skipped')],
			);
			const [item] = outputOf(result, 'Skipped');
			const outcome = item.json._sync as { action: string; reason: string };
			assert.equal(outcome.action, 'stopped', 'a stopped night: Sync Summary fails it');
			assert.match(outcome.reason, /would remove 20 of 20 records/);
			assert.equal(item.json.error, undefined, 'no top-level error field on our items');
			assert.equal((item.pairedItem as unknown[]).length, 20);
		});
	});
});
