import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import {
	startLearnifierSimulator,
	type LearnifierSimulator,
} from '../../simulators/learnifier/learnifierSimulator';
import {
	LEARNIFIER,
	runLearnifier,
	usersWithExternalId,
} from '../../engine/workflows/learnifierWorkflow';

const createParameters = (options: Record<string, number>) => ({
	operation: 'create',
	externalId: '={{ $json.id }}',
	firstName: 'Test',
	lastName: '={{ $json.id }}',
	primaryEmail: '={{ $json.id }}@example.se',
	options,
});
const people = (count: number, prefix: string) =>
	Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}` }));

const share429 = (requests: { status: number }[]) =>
	requests.filter((r) => r.status === 429).length / requests.length;

describe('Learnifier node pacing', () => {
	let sim: LearnifierSimulator;
	before(async () => (sim = await startLearnifierSimulator()));
	after(async () => sim.close());
	beforeEach(() => sim.reset());

	it('learns a limit it was not told: 429s are common at first, then rare', async () => {
		sim.setFaults({ rateLimitPerSecond: 6 });
		const items = people(60, 'limit');
		const result = await runLearnifier(sim, createParameters({ concurrency: 8 }), { items });
		assert.equal(result.error, undefined, result.error?.message);
		const first = sim.requests.slice(0, 20);
		const later = sim.requests.slice(40);
		assert.ok(share429(first) > 0.2, `429 share of the first 20 requests: ${share429(first)}`);
		assert.ok(share429(later) < 0.1, `429 share after 40 requests: ${share429(later)}`);
		for (const item of items) assert.equal(usersWithExternalId(sim, item.id).length, 1);
	});

	for (const dropWhen of ['after', 'before'] as const) {
		it(`dropped connections (${dropWhen} the work) and 503s lose nothing and duplicate nothing`, async () => {
			sim.setFaults({
				dropShare: 0.1,
				dropWhen,
				errorShare: 0.1,
				errorStatuses: [503],
				seed: 9,
			});
			const items = people(40, dropWhen);
			const result = await runLearnifier(sim, createParameters({ concurrency: 8 }), { items });
			assert.equal(result.error, undefined, result.error?.message);
			assert.ok(
				sim.requests.some((r) => r.status === 0),
				'the simulator did drop connections',
			);
			assert.ok(sim.requests.some((r) => r.status === 503));
			assert.equal(result.json(LEARNIFIER).length, 40);
			for (const item of items) assert.equal(usersWithExternalId(sim, item.id).length, 1);
		});
	}
});
