/**
 * A node that fails as a whole under Continue On Fail (here: Learnifier, whose credential cannot
 * be read, so not one request is made) fails every item it was given, refused as a whole, so a
 * night whose other nodes wrote hundreds of records does not stay under the failed-share rule.
 * Run by n8n's engine: earlier writes + the failing node → Merge → Sync Summary (the templates' rule).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { runWorkflow, type WorkflowJson } from '../../engine/runWorkflow';
import { LEARNIFIER, learnifierWorkflow } from '../../engine/workflows/learnifierWorkflow';
import { SYNC_SUMMARY, withSyncSummary } from '../../engine/workflows/syncSummaryWorkflow';

const EARLIER = 'Earlier Writes';
const MERGE = 'Collect Results';

/** 39 users the night created, and a Lock of `leavers` users by a Learnifier node with no credential. */
function night(leavers: number): WorkflowJson {
	const items = Array.from({ length: leavers }, (_, i) => ({ targetId: `u-${i}` }));
	const lock = learnifierWorkflow(
		{ operation: 'lock', userId: '={{ $json.targetId }}' },
		{ items, continueOnFail: true },
	);
	const nodes = lock.nodes.map((node) =>
		node.name === LEARNIFIER ? { ...node, credentials: undefined } : node,
	);
	const created = Array.from({ length: 39 }, (_, i) => ({
		json: { id: `n-${i}`, _sync: { action: 'created' } },
	}));
	const workflow: WorkflowJson = {
		...lock,
		nodes: [
			...nodes,
			{
				id: 'earlier',
				name: EARLIER,
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [400, 200],
				parameters: {},
			},
			{
				id: 'merge',
				name: MERGE,
				type: 'n8n-nodes-base.merge',
				typeVersion: 3.2,
				position: [600, 100],
				parameters: { mode: 'append', numberInputs: 2 },
			},
		],
		connections: {
			...lock.connections,
			Start: {
				main: [
					[
						{ node: 'Input', type: 'main', index: 0 },
						{ node: EARLIER, type: 'main', index: 0 },
					],
				],
			},
			[EARLIER]: { main: [[{ node: MERGE, type: 'main', index: 0 }]] },
			[LEARNIFIER]: { main: [[{ node: MERGE, type: 'main', index: 1 }]] },
		},
		pinData: { ...lock.pinData, [EARLIER]: created },
	};
	return withSyncSummary(workflow, MERGE);
}

describe('router: a node that fails as a whole under Continue On Fail', () => {
	it('fails every item it was given, refused as a whole, each paired with its input item', async () => {
		const result = await runWorkflow(night(4));
		const failed = result.output(LEARNIFIER);
		assert.deepEqual(
			failed.map((item) => item.pairedItem),
			[0, 1, 2, 3].map((item) => ({ item })),
		);
		failed.forEach(({ json }, index) => {
			assert.equal(json.error, undefined, 'no n8n error field: Retry On Fail must not resend');
			const outcome = json._sync as { action: string; item: number; refusedAsWhole?: boolean };
			assert.equal(outcome.action, 'failed');
			assert.equal(outcome.item, index + 1);
			assert.equal(outcome.refusedAsWhole, true);
			assert.match(String((json._sync as { reason?: string }).reason), /credentials/);
		});
	});

	it('4 leavers among 39 creates: the night fails as refused, not 1 of 40 writes under the 10 % rule', async () => {
		const result = await runWorkflow(night(4));
		assert.match(
			result.error?.message ?? '',
			/^Night failed \(39 created, 4 failed\): a target refused the work as a whole: .*credentials.* \(4 records\)$/,
		);
		assert.deepEqual(result.json(SYNC_SUMMARY), []);
	});
});
