import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { approvalCode } from '../../../../nodes/shared/approvalCode';
import {
	OUTPUTS,
	RECONCILE,
	runReconcile,
	type OutputName,
} from '../../../engine/workflows/reconcileWorkflow';

type Result = Awaited<ReturnType<typeof runReconcile>>;

const jsonOf = (result: Result, name: OutputName) => result.json(RECONCILE, OUTPUTS.indexOf(name));
const keysOf = (result: Result, name: OutputName) => jsonOf(result, name).map((json) => json.key);
const actionsOf = (result: Result, name: OutputName) =>
	jsonOf(result, name).map((json) => (json._sync as IDataObject | undefined)?.action);

const person = (i: number, firstName = 'Anna') => ({
	externalId: `p${i}`,
	firstName,
	lastName: `Berg${i}`,
	email: `p${i}@school.se`,
});
const user = (i: number, firstName = 'Anna') => ({
	id: `u${i}`,
	externalId: `p${i}`,
	firstName,
	lastName: `Berg${i}`,
	primaryEmail: `p${i}@school.se`,
});

// 20 users; the source keeps 0-11 (3 renamed), drops 12-19 (8 removals: 40 %), adds 20-21.
const target = Array.from({ length: 20 }, (_, i) => user(i));
const source = [
	...Array.from({ length: 12 }, (_, i) => person(i, i < 3 ? 'Ana' : 'Anna')),
	person(20),
	person(21),
];
const removedKeys = Array.from({ length: 8 }, (_, i) => `p${12 + i}`);

async function reconcile(options: INodeParameters, src = source, tgt = target) {
	const parameters: INodeParameters = {
		fieldsToCompare: {
			fields: [
				{ sourceField: 'firstName', targetField: 'firstName' },
				{ sourceField: 'email', targetField: 'primaryEmail', ignoreCase: true },
			],
		},
		options,
	};
	const result = await runReconcile(src, tgt, parameters);
	if (result.error) throw result.error;
	return result;
}

const hold = { whenOverLimit: 'holdRemovals' };

describe('Reconcile: preview, hold the removals, only these keys', () => {
	it('a preview routes nothing to the writers and reports exactly what the real run would do', async () => {
		const real = await reconcile({ allowMassDeletion: true });
		const preview = await reconcile({ allowMassDeletion: true, previewOnly: true });
		for (const output of ['Create', 'Update', 'Delete'] as const)
			assert.deepEqual(jsonOf(preview, output), [], `${output} is empty in a preview`);
		const wouldDo = jsonOf(preview, 'Unchanged').map((json) => json._sync as IDataObject);
		const keysOfAction = (action: string) =>
			jsonOf(preview, 'Unchanged')
				.filter((json) => (json._sync as IDataObject).action === action)
				.map((json) => json.key);
		assert.deepEqual(keysOfAction('wouldCreate'), keysOf(real, 'Create'));
		assert.deepEqual(keysOfAction('wouldUpdate'), keysOf(real, 'Update'));
		assert.deepEqual(keysOfAction('wouldRemove'), keysOf(real, 'Delete'));
		assert.deepEqual(keysOfAction('unchanged'), keysOf(real, 'Unchanged'));
		assert.ok(wouldDo.every((outcome) => outcome.preview === true));
		assert.deepEqual(wouldDo[2], {
			action: 'wouldUpdate',
			record: 'key "p0" (Ana Berg0)',
			preview: true,
			fields: ['firstName'],
			reason: 'firstName "Anna" → "Ana"',
		});
	});

	it('over the limits, "Stop Everything" in a preview reports the stop instead of failing', async () => {
		const preview = await reconcile({ previewOnly: true });
		assert.deepEqual(actionsOf(preview, 'Unchanged'), []);
		const [stopped] = jsonOf(preview, 'Skipped');
		assert.equal((stopped._sync as IDataObject).action, 'stopped');
		assert.equal((stopped._sync as IDataObject).preview, true);
	});

	it('a held night passes the creates and updates on and holds every removal, by name', async () => {
		const result = await reconcile(hold);
		assert.deepEqual(keysOf(result, 'Create'), ['p20', 'p21']);
		assert.deepEqual(keysOf(result, 'Update'), ['p0', 'p1', 'p2']);
		assert.deepEqual(jsonOf(result, 'Delete'), []);
		const held = jsonOf(result, 'Skipped').map((json) => json._sync as IDataObject);
		assert.deepEqual(
			held.map((outcome) => outcome.record),
			removedKeys.map((key) => `key "${key}" (Anna Berg${key.slice(1)})`),
		);
		const code = approvalCode(removedKeys);
		assert.ok(held.every((outcome) => outcome.action === 'held'));
		assert.match(String(held[0].reason), new RegExp(`^8 of 20 removals held: .* enter ${code} `));
	});

	it('the approval code lets exactly the held set through; a larger set is held again', async () => {
		const code = approvalCode(removedKeys);
		const approved = await reconcile({ ...hold, approveHeldRemovals: ` ${code} ` });
		assert.deepEqual(keysOf(approved, 'Delete'), removedKeys);
		assert.deepEqual(actionsOf(approved, 'Skipped'), ['approved']);

		const oneMoreLeft = source.filter((record) => record.externalId !== 'p11');
		const larger = await reconcile({ ...hold, approveHeldRemovals: code }, oneMoreLeft);
		assert.deepEqual(jsonOf(larger, 'Delete'), []);
		assert.equal(actionsOf(larger, 'Skipped').filter((action) => action === 'held').length, 9);
		assert.match(
			String((jsonOf(larger, 'Skipped')[0]._sync as IDataObject).reason),
			new RegExp(approvalCode([...removedKeys, 'p11'])),
		);
	});

	it('a held night in a preview shows the same held set and writes nothing', async () => {
		const preview = await reconcile({ ...hold, previewOnly: true });
		const skipped = jsonOf(preview, 'Skipped').map((json) => json._sync as IDataObject);
		assert.deepEqual(
			skipped.map((outcome) => [outcome.action, outcome.preview]),
			removedKeys.map(() => ['held', true]),
		);
		assert.deepEqual(
			actionsOf(preview, 'Unchanged').filter((a) => a !== 'unchanged'),
			['wouldCreate', 'wouldCreate', 'wouldUpdate', 'wouldUpdate', 'wouldUpdate'],
		);
	});

	it('"Only These Keys" limits both sides to those people, and the guard to that subset', async () => {
		const one = await reconcile({ onlyTheseKeys: 'p1' });
		assert.deepEqual(keysOf(one, 'Update'), ['p1']);
		for (const output of ['Create', 'Delete', 'Unchanged', 'Skipped'] as const)
			assert.deepEqual(jsonOf(one, output), []);

		const twoNewOneLeaver = await reconcile({ ...hold, onlyTheseKeys: 'p20, p13' });
		assert.deepEqual(keysOf(twoNewOneLeaver, 'Create'), ['p20']);
		// One removal of one target is 100 %: held, even though the whole night is within limits elsewhere.
		assert.deepEqual(actionsOf(twoNewOneLeaver, 'Skipped'), ['held']);
	});
});
