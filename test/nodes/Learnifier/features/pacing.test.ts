import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import {
	startLearnifierSimulator,
	type LearnifierSimulator,
} from '../../../simulators/learnifier/learnifierSimulator';
import {
	LEARNIFIER,
	runLearnifier,
	usersWithExternalId,
} from '../../../engine/workflows/learnifierWorkflow';

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
		const shares = `429 share of the first 20 requests ${share429(first)}, after 40 ${share429(later)}`;
		// How many of the first requests hit the limit depends on how fast this machine sends them.
		assert.ok(share429(first) > 0, `the limit was hit at first: ${shares}`);
		assert.ok(share429(later) < Math.min(0.1, share429(first)), `then rarely: ${shares}`);
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
