import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { INode } from 'n8n-workflow';

import { runWorkflow, START_NODE, type WorkflowJson } from '../../engine/runWorkflow';

const node = (
	name: string,
	type: string,
	position: [number, number],
	parameters = {},
	typeVersion = 1,
): INode => ({
	id: name,
	name,
	type,
	typeVersion,
	position,
	parameters,
});

/**
 * Where Fail the Night sits: on "Night Failed" (output 1, as the templates wire it) unless told;
 * `behindIf`: on the Summary output, behind an If that lets only nights with skipped records pass.
 */
type FailWiring = { disabled?: boolean; behindIf?: boolean };
type Wiring = { stopAndError?: boolean | FailWiring; summary?: Record<string, unknown> };

/**
 * Three result branches (one of them may be empty) → Merge (append, 3 inputs) → Sync Summary, as
 * the templates wire it; with `stopAndError`, its "Night Failed" output goes to n8n's Stop and Error.
 */
function summaryWorkflow(
	branches: { created: object[]; failed: object[]; skipped: object[] },
	wiring: Wiring = {},
): WorkflowJson {
	const names = ['Created', 'Failed', 'Skipped'] as const;
	const failWiring: FailWiring = typeof wiring.stopAndError === 'object' ? wiring.stopAndError : {};
	const failNode = {
		...node('Fail the Night', 'n8n-nodes-base.stopAndError', [800, 250], {
			errorMessage: '={{ $json.failure }}',
		}),
		...(failWiring.disabled ? { disabled: true } : {}),
	};
	const toFail = [{ node: 'Fail the Night', type: 'main' as const, index: 0 }];
	return {
		nodes: [
			START_NODE,
			...names.map((name, i) => node(name, 'n8n-nodes-base.noOp', [200, i * 150])),
			node('Merge', 'n8n-nodes-base.merge', [400, 150], { mode: 'append', numberInputs: 3 }, 3.2),
			node('Sync Summary', 'n8n-nodes-directory-sync.syncSummary', [600, 150], {
				maxReasons: 10,
				...wiring.summary,
			}),
			...(wiring.stopAndError ? [failNode] : []),
			...(failWiring.behindIf
				? [
						node('Any Skipped?', 'n8n-nodes-base.if', [800, 100], {
							conditions: {
								number: [{ value1: '={{ $json.counts.skipped }}', operation: 'larger', value2: 0 }],
							},
						}),
					]
				: []),
		],
		connections: {
			Start: { main: [names.map((name) => ({ node: name, type: 'main' as const, index: 0 }))] },
			...Object.fromEntries(
				names.map((name, index) => [
					name,
					{ main: [[{ node: 'Merge', type: 'main' as const, index }]] },
				]),
			),
			Merge: { main: [[{ node: 'Sync Summary', type: 'main', index: 0 }]] },
			...(wiring.stopAndError
				? {
						...(failWiring.behindIf
							? {
									'Sync Summary': {
										main: [[{ node: 'Any Skipped?', type: 'main', index: 0 }], []],
									},
									'Any Skipped?': { main: [toFail, []] },
								}
							: { 'Sync Summary': { main: [[], toFail] } }),
					}
				: {}),
		},
		pinData: {
			Created: branches.created.map((json) => ({ json })),
			Failed: branches.failed.map((json) => ({ json })),
			Skipped: branches.skipped.map((json) => ({ json })),
		} as WorkflowJson['pinData'],
	};
}

const created = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ id: String(i), _sync: { action: 'created' } }));
const roleRefused = {
	uuids: ['9'],
	_sync: {
		action: 'failed',
		item: 1,
		record: 'uuid 9',
		field: 'roles',
		reason: 'role not found: Pedel',
	},
};
const noEmail = {
	_sync: {
		action: 'skipped',
		item: 4,
		record: 'uuid 7 (Anna)',
		field: 'email',
		reason: '"email" is required for a new member',
	},
};
const refused403 = {
	_sync: {
		action: 'failed',
		item: 1,
		record: 'uuid 1',
		reason: 'GoPublic refused the address (403)',
		refusedAsWhole: true,
	},
};

describe('Sync Summary node in the engine', () => {
	it('turns the merged results of all branches into one summary item paired with every input item', async () => {
		const result = await runWorkflow(
			summaryWorkflow(
				{ created: created(2), failed: [roleRefused], skipped: [noEmail] },
				{ summary: { failWhen: 'never' } },
			),
		);
		assert.equal(result.error, undefined);
		const [summary] = result.json('Sync Summary');
		assert.equal(summary.summary, '2 created, 1 skipped, 1 failed');
		assert.deepEqual(summary.failed, ['Item 1, uuid 9: role not found: Pedel']);
		assert.deepEqual(summary.skipped, [
			'Item 4, uuid 7 (Anna): "email" is required for a new member',
		]);
		assert.equal(summary.nightFailed, false);
		const [item] = result.output('Sync Summary');
		assert.deepEqual(item.pairedItem, [{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('still reports when some branches had nothing to do', async () => {
		const result = await runWorkflow(
			summaryWorkflow({ created: created(1), failed: [], skipped: [] }),
		);
		assert.equal(result.error, undefined);
		assert.equal(result.json('Sync Summary')[0].summary, '1 created');
	});

	it('skipped records never fail a night, whatever their number', async () => {
		const result = await runWorkflow(
			summaryWorkflow(
				{ created: [], failed: [], skipped: [noEmail, noEmail, noEmail] },
				{ summary: { failWhen: 'anyFailed' } },
			),
		);
		assert.equal(result.error, undefined);
		assert.equal(result.json('Sync Summary')[0].nightFailed, false);
	});

	it('a refusal as a whole with Stop and Error wired: the summary item stays visible and the execution fails with its line', async () => {
		const result = await runWorkflow(
			summaryWorkflow(
				{ created: [], failed: [refused403, refused403], skipped: [] },
				{ stopAndError: true },
			),
		);
		const [summary] = result.json('Sync Summary');
		assert.equal(summary.nightFailed, true);
		assert.deepEqual(summary.refused, ['GoPublic refused the address (403) (2 records)']);
		assert.equal(
			result.error?.message,
			'Night failed (2 failed): a target refused the work as a whole: GoPublic refused the address (403) (2 records)',
		);
		assert.deepEqual(result.executedNodes.slice(-2), ['Sync Summary', 'Fail the Night']);
	});

	it('a failed night with nothing wired to "Night Failed": Sync Summary fails the execution itself, with the lists', async () => {
		const result = await runWorkflow(
			summaryWorkflow({ created: created(1), failed: [refused403], skipped: [noEmail] }),
		);
		assert.match(
			result.error?.message ?? '',
			/^Night failed \(1 created, 1 skipped, 1 failed\): a target refused the work as a whole/,
		);
		const description = (result.error as { description?: string }).description ?? '';
		assert.match(description, /Refused as a whole:\n- GoPublic refused the address \(403\)/);
		assert.match(description, /Skipped:\n- Item 4, uuid 7 \(Anna\): "email" is required/);
	});

	for (const [misplaced, stopAndError] of [
		['a disabled Stop and Error on "Night Failed"', { disabled: true }],
		['a Stop and Error on the "Summary" output, behind an If', { behindIf: true }],
	] as const) {
		it(`a failed night with ${misplaced}: Sync Summary fails the execution itself`, async () => {
			const result = await runWorkflow(
				summaryWorkflow(
					{ created: created(1), failed: [refused403], skipped: [] },
					{ stopAndError },
				),
			);
			assert.equal(
				result.error?.message,
				'Night failed (1 created, 1 failed): a target refused the work as a whole: GoPublic refused the address (403)',
			);
			assert.equal(result.executedNodes.at(-1), 'Sync Summary', 'the failure is its own');
		});
	}

	it('the failed share decides under "refused, or too many failed": 1 of 20 passes, 3 of 20 fails', async () => {
		const oneOfTwenty = await runWorkflow(
			summaryWorkflow(
				{ created: created(19), failed: [roleRefused], skipped: [] },
				{ stopAndError: true },
			),
		);
		assert.equal(oneOfTwenty.error, undefined, '5 % is within the default 10 %');
		const threeOfTwenty = await runWorkflow(
			summaryWorkflow(
				{ created: created(17), failed: [roleRefused, roleRefused, roleRefused], skipped: [] },
				{ stopAndError: true },
			),
		);
		assert.match(
			threeOfTwenty.error?.message ?? '',
			/3 of 20 writes failed \(15\.0 %, more than the 10 % allowed\)/,
		);
	});
});
