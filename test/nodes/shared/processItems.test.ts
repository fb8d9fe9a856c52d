/**
 * The item loop under Continue On Fail keeps a refusal of the work as a whole (wrong key, no
 * realm-wide access, service down) marked as one: every Learnifier operation, run by n8n's engine
 * against the Learnifier simulator, its results counted by Sync Summary with the rule "A Target
 * Refused the Work as a Whole".
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../engine/runWorkflow';
import {
	LEARNIFIER,
	QUICK_RETRIES,
	learnifierWorkflow,
} from '../../engine/workflows/learnifierWorkflow';
import { SYNC_SUMMARY, withSyncSummary } from '../../engine/workflows/syncSummaryWorkflow';
import {
	LEARNIFIER_LIMITED_KEY,
	LEARNIFIER_LIMITED_SECRET,
	LEARNIFIER_TEST_KEY,
	LEARNIFIER_TEST_SECRET,
	startLearnifierSimulator,
	type LearnifierSimulator,
} from '../../simulators/learnifier/learnifierSimulator';

let sim: LearnifierSimulator;

async function nightWith(
	parameters: INodeParameters,
	items: object[],
	credentials: { apiKey: string; apiSecret: string },
) {
	const workflow = withSyncSummary(
		learnifierWorkflow(parameters, { items: items as never, continueOnFail: true }),
		LEARNIFIER,
		{ failWhen: 'refused' },
	);
	return await runWorkflow(workflow, {
		credentials: { learnifierApi: { baseUrl: sim.url, ...credentials } },
	});
}

const wrongSecret = { apiKey: LEARNIFIER_TEST_KEY, apiSecret: 'not-the-secret' };
const noBackOffice = { apiKey: LEARNIFIER_LIMITED_KEY, apiSecret: LEARNIFIER_LIMITED_SECRET };
const people = [
	{ id: 'p-1', first: 'Anna' },
	{ id: 'p-2', first: 'Nils' },
];
const createParameters = {
	operation: 'create',
	externalId: '={{ $json.id }}',
	firstName: '={{ $json.first }}',
	lastName: 'Berg',
	options: QUICK_RETRIES,
};
/** 403 and 503 come before Learnifier looks the user up, so any ID does. */
const someUserIds = () => [{ targetId: 'u-1' }, { targetId: 'u-2' }];

describe('processItems: a refusal as a whole stays one under Continue On Fail', () => {
	before(async () => (sim = await startLearnifierSimulator()));
	after(async () => sim.close());
	beforeEach(() => sim.reset());

	it('401 on the creates: every item is refused as a whole and the night is red', async () => {
		const result = await nightWith(createParameters, people, wrongSecret);
		for (const item of result.json(LEARNIFIER))
			assert.equal((item._sync as { refusedAsWhole?: boolean }).refusedAsWhole, true);
		const [summary] = result.json(SYNC_SUMMARY);
		assert.equal(summary, undefined, 'Sync Summary fails the execution itself (nothing wired)');
		assert.match(
			result.error?.message ?? '',
			/^Night failed \(2 failed\): a target refused the work as a whole: .*Learnifier refused the API key or secret/,
		);
		assert.match(
			(result.error as { description?: string }).description ?? '',
			/^2 failed\nRefused as a whole:\n- Creating user external ID "p-1" \(Anna Berg\).*\n- Creating user external ID "p-2"/,
		);
	});

	for (const operation of ['update', 'lock', 'delete'] as const) {
		it(`403 on ${operation}: refused as a whole, not counted as failed records`, async () => {
			const parameters: INodeParameters =
				operation === 'update'
					? {
							operation,
							send: 'fields',
							userId: '={{ $json.targetId }}',
							updateFields: { lastName: 'Ek' },
						}
					: { operation, userId: '={{ $json.targetId }}' };
			const result = await nightWith(parameters, someUserIds(), noBackOffice);
			assert.match(
				result.error?.message ?? '',
				/^Night failed \(2 failed\): a target refused the work as a whole: .*no realm-wide access/,
			);
		});
	}

	it('503 after every retry on lock: refused as a whole', async () => {
		sim.setFaults({ errorShare: 1, errorStatuses: [503] });
		const result = await nightWith(
			{ operation: 'lock', userId: '={{ $json.targetId }}', options: QUICK_RETRIES },
			someUserIds().slice(0, 1),
			{ apiKey: LEARNIFIER_TEST_KEY, apiSecret: LEARNIFIER_TEST_SECRET },
		);
		assert.match(
			result.error?.message ?? '',
			/^Night failed \(1 failed\): a target refused the work as a whole: .*503/,
		);
	});
});
