/**
 * What GoPublic's answers are read as, through n8n's engine against the GoPublic simulator, the
 * import's results counted by Sync Summary (the templates' rule): a 2xx that reports failures is
 * not success, and a malformed validation answer cannot make the node resend a batch for ever.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../../engine/runWorkflow';
import {
	IMPORT,
	NODE,
	credentialsFor,
	itemsToGoPublic,
} from '../../../engine/workflows/goPublicWorkflow';
import { SYNC_SUMMARY, withSyncSummary } from '../../../engine/workflows/syncSummaryWorkflow';
import {
	startGoPublicSimulator,
	type GoPublicSimulator,
} from '../../../simulators/gopublic/gopublicSimulator';
import { MALFORMED_INDEXES } from '../../../simulators/gopublic/memberImport';

let sim: GoPublicSimulator;

const person = (uuid: string, role = 'Lærer') => ({
	externalId: uuid,
	firstName: 'Anna',
	lastName: `Berg ${uuid}`,
	email: `${uuid}@nordskolen.dk`,
	role,
});
/** Three teachers, the second with a role GoPublic does not have. */
const staff = () => [person('a'), person('b', 'Pedel'), person('c')];

async function night(items: IDataObject[], parameters: INodeParameters = IMPORT) {
	const workflow = withSyncSummary(
		itemsToGoPublic(items, parameters, { onError: 'continueRegularOutput' }),
		NODE,
	);
	const result = await runWorkflow(workflow, { credentials: credentialsFor(sim.origin) });
	return Object.assign(result, {
		outcomes: result.json(NODE).map((item) => item._sync as { action: string; reason?: string }),
	});
}
const importRequests = () => sim.state.batchSizes.length;

describe('sendMembers: what a GoPublic answer is read as', () => {
	before(async () => (sim = await startGoPublicSimulator()));
	after(() => sim.close());
	beforeEach(() => sim.reset());

	it('a counts-only 2xx whose "failed" is above 0: the members it said nothing about are failed, with its counts', async () => {
		sim.answerSuccessWith('countsOnly');
		const result = await night(staff());
		assert.deepEqual(
			result.outcomes.map((outcome) => outcome.action),
			['failed', 'failed', 'failed'],
		);
		assert.match(
			result.outcomes[0].reason ?? '',
			/counts 1 of the 3 members of this request as failed without saying which \(.*failed 1.*\)/,
		);
		assert.match(
			result.error?.message ?? '',
			/^Night failed \(3 failed\): 3 of 3 writes failed \(100\.0 %, more than the 10 % allowed\)$/,
		);
	});

	it('a counts-only 2xx with "failed": 0 is still success: every member sent', async () => {
		sim.answerSuccessWith('countsOnly');
		const result = await night([person('a'), person('c')]);
		assert.equal(result.error, undefined);
		assert.equal(result.json(SYNC_SUMMARY)[0].summary, '2 sent');
	});

	it('a per-member status it does not know ("error") is sent, unconfirmed, listed with its words, never success', async () => {
		sim.answerStatusesWith({ created: 'error' });
		const result = await night([person('a'), person('c')]);
		assert.deepEqual(
			result.outcomes.map((outcome) => outcome.action),
			['unconfirmed', 'unconfirmed'],
		);
		const [summary] = result.json(SYNC_SUMMARY);
		assert.equal(summary.summary, '2 unconfirmed');
		assert.equal((summary.counts as IDataObject).sent, 0, 'never counted as sent');
		assert.deepEqual(summary.unconfirmed, [
			'Item 1, uuid a (Anna Berg a): GoPublic answered "error" for this member; not confirmed as imported',
			'Item 2, uuid c (Anna Berg c): GoPublic answered "error" for this member; not confirmed as imported',
		]);
	});

	it('"FAILED" where the counts say 1 failed: that member fails with the counts, the created ones stay created', async () => {
		sim.answerStatusesWith({ failed: 'FAILED' });
		const result = await night(staff());
		assert.deepEqual(
			result.outcomes.map((outcome) => outcome.action),
			['created', 'failed', 'created'],
		);
		assert.match(result.outcomes[1].reason ?? '', /counts 1 of the 3 members .* as failed/);
		assert.match(
			result.error?.message ?? '',
			/^Night failed \(2 created, 1 failed\): 1 of 3 writes failed/,
		);
	});

	for (const kind of MALFORMED_INDEXES) {
		it(`a 400 whose index is ${kind}: the batch is sent once, its members fail with the service's words`, async () => {
			sim.malformIndexes(kind, 25);
			sim.takeEmails(['b@nordskolen.dk']);
			const result = await night([person('a'), person('b'), person('c')]);
			assert.equal(importRequests(), 1, 'the batch shrank no further, so it was not sent again');
			assert.deepEqual(
				result.outcomes.map((outcome) => outcome.action),
				['failed', 'failed', 'failed'],
			);
			assert.match(
				result.outcomes[0].reason ?? '',
				/Validation failed.*email is already used by another member/,
			);
			assert.match(result.error?.message ?? '', /^Night failed \(3 failed\)/);
		});
	}
});
