/**
 * The machinery end to end, on the node that lands first: real n8n 2.41.1 loads our package as a
 * community package, imports a workflow (Schedule Trigger → two Set nodes → Reconcile), runs it as
 * the editor's "Execute workflow" does, and the saved execution holds Reconcile's output.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { nodeOutput } from '../n8n-runtime/n8nRest';
import { importWorkflows, runToCompletion, startRealN8n, type RealN8n, type WorkflowJson } from './realN8n';

const set = (name: string, y: number, record: Record<string, string>) => ({
	id: name,
	name,
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	position: [220, y],
	parameters: {
		mode: 'manual',
		includeOtherFields: false,
		options: {},
		assignments: {
			assignments: Object.entries(record).map(([field, value], index) => ({
				id: `${name}-${index}`,
				name: field,
				value,
				type: 'string',
			})),
		},
	},
});

export const reconcileSmokeWorkflow: WorkflowJson = {
	name: 'Reconcile smoke test',
	nodes: [
		{
			id: 'schedule',
			name: 'Every Night',
			type: 'n8n-nodes-base.scheduleTrigger',
			typeVersion: 1.2,
			position: [0, 0],
			parameters: { rule: { interval: [{ field: 'days', triggerAtHour: 2 }] } },
		},
		set('Source People', -100, { externalId: 'p-1', firstName: 'Åsa', lastName: 'Lindqvist', email: 'asa.new@school.se' }),
		set('Target Users', 100, { externalId: 'p-1', firstName: 'Åsa', lastName: 'Lindqvist', primaryEmail: 'asa.old@school.se', id: '42' }),
		{
			id: 'reconcile',
			name: 'Reconcile',
			type: 'n8n-nodes-directory-sync.reconcile',
			typeVersion: 1,
			position: [460, 0],
			parameters: {},
		},
	],
	connections: {
		'Every Night': {
			main: [
				[
					{ node: 'Source People', type: 'main', index: 0 },
					{ node: 'Target Users', type: 'main', index: 0 },
				],
			],
		},
		'Source People': { main: [[{ node: 'Reconcile', type: 'main', index: 0 }]] },
		'Target Users': { main: [[{ node: 'Reconcile', type: 'main', index: 1 }]] },
	},
	settings: { executionOrder: 'v1' },
};

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
