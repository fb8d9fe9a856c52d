import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { INode } from 'n8n-workflow';

import { runWorkflow, START_NODE, type WorkflowJson } from '../../engine/runWorkflow';

const node = (name: string, type: string, position: [number, number], parameters = {}, typeVersion = 1): INode => ({
	id: name,
	name,
	type,
	typeVersion,
	position,
	parameters,
});

/** Three result branches (one of them empty) → Merge (append, 3 inputs) → Sync Summary, as the templates wire it. */
function summaryWorkflow(branches: { created: object[]; failed: object[]; skipped: object[] }): WorkflowJson {
	const names = ['Created', 'Failed', 'Skipped'] as const;
	return {
		nodes: [
			START_NODE,
			...names.map((name, i) => node(name, 'n8n-nodes-base.noOp', [200, i * 150])),
			node('Merge', 'n8n-nodes-base.merge', [400, 150], { mode: 'append', numberInputs: 3 }, 3.2),
			node('Sync Summary', 'n8n-nodes-directory-sync.syncSummary', [600, 150], { maxReasons: 10 }),
		],
		connections: {
			Start: { main: [names.map((name) => ({ node: name, type: 'main' as const, index: 0 }))] },
			...Object.fromEntries(
				names.map((name, index) => [name, { main: [[{ node: 'Merge', type: 'main' as const, index }]] }]),
			),
			Merge: { main: [[{ node: 'Sync Summary', type: 'main', index: 0 }]] },
		},
		pinData: {
			Created: branches.created.map((json) => ({ json })),
			Failed: branches.failed.map((json) => ({ json })),
			Skipped: branches.skipped.map((json) => ({ json })),
		} as WorkflowJson['pinData'],
	};
}

describe('Sync Summary node in the engine', () => {
	it('turns the merged results of all branches into one summary item paired with every input item', async () => {
		const result = await runWorkflow(
			summaryWorkflow({
				created: [
					{ id: '1', _sync: { action: 'created' } },
					{ id: '2', _sync: { action: 'created' } },
				],
				failed: [{ error: 'Item 0 (uuid 9): role not found: Pedel', uuids: ['9'], _sync: { action: 'failed' } }],
				skipped: [{ side: 'target', reason: 'duplicate externalId "7"', _sync: { action: 'skipped' } }],
			}),
		);
		assert.equal(result.error, undefined);
		const [summary] = result.json('Sync Summary');
		assert.equal(summary.summary, '2 created, 1 skipped, 1 failed');
		assert.deepEqual(summary.failed, ['Item 0 (uuid 9): role not found: Pedel']);
		assert.deepEqual(summary.skipped, ['duplicate externalId "7"']);
		const [item] = result.output('Sync Summary');
		assert.deepEqual(item.pairedItem, [{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('still reports when some branches had nothing to do', async () => {
		const result = await runWorkflow(
			summaryWorkflow({ created: [{ _sync: { action: 'created' } }], failed: [], skipped: [] }),
		);
		assert.equal(result.error, undefined);
		assert.equal(result.json('Sync Summary')[0].summary, '1 created');
	});
});
