import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { generatePeople } from '../../../simulators/seed/people';
import {
	learnifierRealmFrom,
	startLearnifierSimulator,
	type LearnifierSimulator,
} from '../../../simulators/learnifier/learnifierSimulator';
import { LEARNIFIER, runLearnifier } from '../../../engine/workflows/learnifierWorkflow';

const realm = learnifierRealmFrom(generatePeople({ seed: 5, count: 23 }).people, { admins: 2 });

describe('Learnifier → User → Get and Get Many', () => {
	let sim: LearnifierSimulator;
	before(async () => (sim = await startLearnifierSimulator({ users: realm })));
	after(async () => sim.close());
	beforeEach(() => sim.reset());

	it('Get by Learnifier ID (default expression takes id from the item)', async () => {
		const result = await runLearnifier(sim, { operation: 'get' }, { items: [{ id: realm[2].id }] });
		assert.deepEqual(result.json(LEARNIFIER), [{ ...realm[2] }]);
	});

	it('Get by external ID uses extuser', async () => {
		const result = await runLearnifier(
			sim,
			{ operation: 'get', findBy: 'externalId' },
			{ items: [{ externalId: realm[4].externalId }] },
		);
		assert.deepEqual(result.json(LEARNIFIER), [{ ...realm[4] }]);
		assert.deepEqual(
			sim.requests.map((r) => r.path),
			[`/extuser?extid=${realm[4].externalId}`],
		);
	});

	it('Get of an unknown external ID says so in plain words', async () => {
		const result = await runLearnifier(sim, {
			operation: 'get',
			findBy: 'externalId',
			externalId: 'nobody',
		});
		assert.equal(result.error?.message, 'No Learnifier user with external ID "nobody"');
	});

	it('Get Many, Return All: pages through X-More with a small page size, one item per user', async () => {
		const result = await runLearnifier(sim, {
			operation: 'getAll',
			returnAll: true,
			options: { pageSize: 5 },
		});
		assert.deepEqual(
			result.json(LEARNIFIER).map((u) => u.id),
			realm.map((u) => u.id),
		);
		assert.equal(sim.requests.length, 5);
		assert.deepEqual(
			sim.requests.map((r) => r.path),
			[0, 5, 10, 15, 20].map((o) => `/users?limit=5&offset=${o}`),
		);
		assert.ok(
			result.output(LEARNIFIER).every((item) => (item.pairedItem as { item: number }).item === 0),
		);
	});

	it('Get Many with a Limit stops reading at the limit', async () => {
		const result = await runLearnifier(sim, {
			operation: 'getAll',
			returnAll: false,
			limit: 12,
			options: { pageSize: 5 },
		});
		assert.equal(result.json(LEARNIFIER).length, 12);
		assert.deepEqual(
			sim.requests.map((r) => r.path),
			['/users?limit=5&offset=0', '/users?limit=5&offset=5', '/users?limit=2&offset=10'],
		);
	});
});
