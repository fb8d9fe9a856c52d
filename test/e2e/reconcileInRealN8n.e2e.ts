/**
 * The machinery end to end, on the node that lands first: real n8n 2.41.1 loads our package as a
 * community package, imports a workflow (Schedule Trigger → two Set nodes → Reconcile), runs it as
 * the editor's "Execute workflow" does, and the saved execution holds Reconcile's output.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { nodeOutput } from '../n8n-runtime/n8nRest';
import { reconcileSmokeWorkflow } from './fixtures/reconcileSmokeWorkflow';
import { importWorkflows, runToCompletion, startRealN8n, type RealN8n } from './realN8n';

let n8n: RealN8n;

before(async () => {
	// Only Reconcile is needed here, so the other nodes may still be unbuilt.
	n8n = await startRealN8n({ allowMissingBuildFiles: true });
});

after(async () => {
	await n8n?.stop();
});

test('real n8n loads Reconcile as a community node type', () => {
	assert.ok(n8n.ourNodeTypes.includes('n8n-nodes-directory-sync.reconcile'), n8n.ourNodeTypes.join(', '));
});

test('a Schedule Trigger workflow with Reconcile runs and its saved execution holds the Update item', async () => {
	const [workflow] = await importWorkflows(n8n, [reconcileSmokeWorkflow]);
	const execution = await runToCompletion(n8n, workflow);
	assert.equal(execution.status, 'success', JSON.stringify(execution.data.resultData.error));
	const updates = nodeOutput(execution, 'Reconcile', 1);
	assert.equal(updates.length, 1);
	assert.match(JSON.stringify(updates[0]), /asa\.new@school\.se/);
	assert.match(JSON.stringify(updates[0]), /asa\.old@school\.se/);
	assert.deepEqual(nodeOutput(execution, 'Reconcile', 0), []);
});

test("n8n's log holds no error about loading our package", () => {
	const log = readFileSync(n8n.logFile, 'utf8');
	assert.doesNotMatch(log, /Failed to load package|n8n-nodes-directory-sync.*error/i);
});
