import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { personOf, removalRows } from '../../../nodes/SyncRecord/removalRows';
import { REMOVAL_LOG_COLUMNS } from '../../../nodes/shared/syncHistory';
import { doneOutcome, withOutcome } from '../../../nodes/shared/syncOutcome';

const facts = {
	endedAt: '2026-12-07T01:04:00.000Z',
	workflowId: 'w1',
	workflowName: 'Staff → GoPublic',
	customer: 'Kommunen',
	target: 'GoPublic',
	executionId: '42',
};

describe('removalRows', () => {
	const items = [
		withOutcome({ uuids: ['u1'], status: 'locked', leftSource: true }, doneOutcome('locked')),
		withOutcome({ uuids: ['u2', 'u2b'], name: 'Bo Ek' }, doneOutcome('unlocked')),
		withOutcome({ uuids: ['u3'], approvalCode: 'c0de' }, { action: 'held', reason: 'too many' }),
		withOutcome(
			{ approvalCode: 'ok42', approvedKeys: ['u1'] },
			doneOutcome('approved', '1 approved'),
		),
		withOutcome({ uuids: ['u4'] }, doneOutcome('created')),
		withOutcome({ uuids: ['u5'] }, { action: 'wouldLock', preview: true }),
	];

	it('one row per lock, unlock and held removal, with the columns of the Removal log', () => {
		const rows = removalRows(items, facts);
		assert.deepEqual(
			rows.map(({ row, item }) => [item, row.key, row.action, row.reason, row.approvalCode]),
			[
				[0, 'u1', 'locked', 'not in the source any more', 'ok42'],
				[1, 'u2|u2b', 'unlocked', 'back in the source', ''],
				[2, 'u3', 'held', 'too many', ''],
			],
		);
		assert.deepEqual(
			Object.keys(rows[0].row).sort(),
			REMOVAL_LOG_COLUMNS.map((column) => column.name).sort(),
		);
		assert.equal(rows[1].row.name, 'Bo Ek');
		assert.equal(rows[0].row.customer, 'Kommunen');
	});

	it('a preview logs nobody', () => {
		const preview = withOutcome({ key: 'p1' }, { action: 'held', reason: 'x', preview: true });
		assert.deepEqual(removalRows([preview], facts), []);
	});
});

describe('personOf', () => {
	it('the outcome names the person (Learnifier from Reconcile), else the item does', () => {
		const named = { action: 'deleted' as const, key: '10377', name: 'Anna Berg' };
		assert.deepEqual(personOf({ id: 'L1', deleted: true }, named), {
			key: '10377',
			name: 'Anna Berg',
		});
		assert.deepEqual(
			personOf({ externalId: '5', firstName: 'Per', lastName: 'Ek' }, { action: 'locked' }),
			{ key: '5', name: 'Per Ek' },
		);
		assert.deepEqual(
			personOf({ key: '7', source: { firstName: 'Eva', lastName: 'Lund' } }, { action: 'held' }),
			{ key: '7', name: 'Eva Lund' },
		);
	});
});
