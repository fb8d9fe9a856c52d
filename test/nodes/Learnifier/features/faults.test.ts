import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import {
	LEARNIFIER_TEST_KEY,
	LEARNIFIER_TEST_SECRET,
	startLearnifierSimulator,
	type LearnifierSimulator,
} from '../../../simulators/learnifier/learnifierSimulator';
import {
	LEARNIFIER,
	QUICK_RETRIES,
	runLearnifier,
	usersWithExternalId,
} from '../../../engine/workflows/learnifierWorkflow';
import {
	MAX_ATTEMPTS,
	MAX_ATTEMPTS_WHEN_RATE_LIMITED,
} from '../../../../nodes/Learnifier/transport/learnifierTransport';

const createParameters = {
	operation: 'create',
	externalId: '={{ $json.id }}',
	firstName: 'Test',
	lastName: '={{ $json.id }}',
	primaryEmail: '={{ $json.id }}@example.se',
	options: QUICK_RETRIES,
};
const people = (count: number, prefix: string) =>
	Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}` }));

function hintsOf(result: Awaited<ReturnType<typeof runLearnifier>>) {
	return result.run.data.resultData.runData[LEARNIFIER]?.[0]?.hints ?? [];
}

describe('Learnifier node under faults', () => {
	let sim: LearnifierSimulator;
	before(async () => (sim = await startLearnifierSimulator()));
	after(async () => sim.close());
	beforeEach(() => sim.reset());

	for (const form of ['seconds', 'date'] as const) {
		it(`429 with Retry-After as ${form}: waits as told, then every user is created once`, async () => {
			sim.setFaults({ rateLimitPerSecond: 4, retryAfterForm: form });
			const items = people(8, form);
			const started = Date.now();
			const result = await runLearnifier(sim, createParameters, { items });
			assert.equal(result.error, undefined, result.error?.message);
			assert.ok(
				sim.requests.some((r) => r.status === 429),
				'the simulator did rate limit',
			);
			assert.ok(Date.now() - started >= 900, 'the node waited for the next window');
			for (const item of items) assert.equal(usersWithExternalId(sim, item.id).length, 1);
			assert.match(String(hintsOf(result)[0]?.message), /rate-limit answers \(429\)/);
		});
	}

	it('a write is tried 20 times while Learnifier answers 429, but only 10 times through an outage (503)', async () => {
		const triesUntilFailed = async (faults: Parameters<typeof sim.setFaults>[0], id: string) => {
			sim.reset();
			sim.setFaults(faults);
			const result = await runLearnifier(sim, createParameters, { items: [{ id }] });
			assert.ok(result.error, 'the write failed in the end');
			return sim.requests.filter((r) => r.method === 'POST').length;
		};
		const refusing = { errorShare: 1, errorStatuses: [429], retryAfterSeconds: 0 };
		assert.equal(await triesUntilFailed(refusing, 'refused'), MAX_ATTEMPTS_WHEN_RATE_LIMITED);
		const down = { errorShare: 1, errorStatuses: [503] };
		assert.equal(await triesUntilFailed(down, 'down'), MAX_ATTEMPTS);
	});

	it('503 bursts are retried and every item succeeds', async () => {
		sim.setFaults({ errorShare: 0.4, errorStatuses: [503], seed: 5 });
		const items = people(15, 'burst');
		const result = await runLearnifier(sim, createParameters, { items });
		assert.equal(result.error, undefined, result.error?.message);
		assert.ok(sim.requests.filter((r) => r.status === 503).length >= 3);
		assert.equal(sim.state.users.size, 15);
		assert.equal(result.json(LEARNIFIER).length, 15);
	});

	it('other 4xx are not retried', async () => {
		const result = await runLearnifier(
			sim,
			{ ...createParameters, primaryEmail: 'broken' },
			{ items: people(1, 'bad') },
		);
		assert.match(String(result.error?.message), /field "primaryEmail"/);
		assert.equal(sim.requests.length, 1);
	});

	it('the API key and secret never appear in the run, not even when it fails', async () => {
		sim.setFaults({ errorShare: 1, errorStatuses: [503] });
		const failed = await runLearnifier(
			sim,
			{ ...createParameters, options: { maxRetryWaitSeconds: 1 } },
			{ items: people(1, 's') },
		);
		assert.ok(failed.error);
		sim.setFaults({ errorShare: 0 });
		const refused = await runLearnifier(sim, createParameters, {
			items: people(1, 't'),
			credentials: { apiKey: LEARNIFIER_TEST_KEY, apiSecret: `${LEARNIFIER_TEST_SECRET}-wrong` },
		});
		assert.match(String(refused.error?.message), /refused the API key or secret/);
		const worked = await runLearnifier(sim, createParameters, {
			items: people(1, 'u'),
			continueOnFail: true,
		});
		for (const result of [failed, refused, worked]) {
			const text = JSON.stringify(result.run);
			assert.ok(!text.includes(LEARNIFIER_TEST_SECRET), 'secret in run data');
			assert.ok(!text.includes(LEARNIFIER_TEST_KEY), 'key in run data');
			assert.ok(
				!text.includes(
					Buffer.from(`${LEARNIFIER_TEST_KEY}:${LEARNIFIER_TEST_SECRET}`).toString('base64'),
				),
			);
		}
	});
});
