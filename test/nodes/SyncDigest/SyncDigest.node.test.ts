import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { runWorkflow, START_NODE, type WorkflowJson } from '../../engine/runWorkflow';
import { asTableRow, DAY, historyRow, HOUR, listedWorkflow } from './historyRows';

const DIGEST = 'Sync Digest';

const noOp = (name: string, y: number): INode => ({
	id: name,
	name,
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [200, y],
	parameters: {},
});

/**
 * Start → "History Rows" (pinned) → Sync Digest's History input, and, when `workflows` are given,
 * Start → "Published" (pinned) → its Active Workflows input; the workflow's time zone is Stockholm.
 */
function digestWorkflow(
	history: IDataObject[],
	workflows: IDataObject[] | undefined,
	parameters: INodeParameters = {},
): WorkflowJson {
	const digest: INode = {
		id: 'digest',
		name: DIGEST,
		type: 'n8n-nodes-directory-sync.syncDigest',
		typeVersion: 1,
		position: [400, 0],
		parameters,
	};
	const to = (node: string, index = 0) => [{ node, type: 'main' as const, index }];
	const pinned = (items: IDataObject[]) => items.map((json) => ({ json }));
	return {
		nodes: [
			START_NODE,
			noOp('History Rows', 0),
			...(workflows ? [noOp('Published', 200)] : []),
			digest,
		],
		connections: {
			Start: { main: [[...to('History Rows'), ...(workflows ? to('Published') : [])]] },
			'History Rows': { main: [to(DIGEST, 0)] },
			...(workflows ? { Published: { main: [to(DIGEST, 1)] } } : {}),
		},
		settings: { timezone: 'Europe/Stockholm' },
		pinData: {
			'History Rows': pinned(history),
			...(workflows ? { Published: pinned(workflows) } : {}),
		},
	};
}

const lastNight = () => new Date(Date.now() - 5 * HOUR);

describe('Sync Digest node', () => {
	it('puts out one item for the mail, paired with every item of both inputs', async () => {
		const rows = [
			asTableRow(
				historyRow({
					workflowId: 'wf-a',
					customer: 'Ängsskolan',
					outcome: 'ok',
					startedAt: lastNight(),
					summary: '400 unchanged',
				}),
				1,
			),
			asTableRow(
				historyRow({
					workflowId: 'wf-b',
					customer: 'Björkskolan',
					outcome: 'failed',
					startedAt: lastNight(),
					summary: '80 failed',
				}),
				2,
			),
		];
		const result = await runWorkflow(
			digestWorkflow(rows, [listedWorkflow('wf-a', 'A'), listedWorkflow('wf-c', 'Nightly C')]),
		);

		assert.equal(result.error, undefined, result.error?.message);
		const [item, ...more] = result.output(DIGEST);
		assert.equal(more.length, 0);
		assert.equal(item.json.subject, 'Sync digest: 1 failed, 1 ok — 1 warning');
		const warnings = item.json.warnings as string[];
		assert.equal(warnings.length, 1);
		assert.match(
			warnings[0],
			/^Nightly C: active, but did not run since \w{3} \d+ \w{3} \d\d:\d\d$/,
		);
		assert.deepEqual(item.pairedItem, [
			{ item: 0, input: 0 },
			{ item: 1, input: 0 },
			{ item: 0, input: 1 },
			{ item: 1, input: 1 },
		]);
	});

	it('runs with nothing connected to Active Workflows; an empty Since is the last 24 hours', async () => {
		const before = Date.now();
		const result = await runWorkflow(
			digestWorkflow(
				[asTableRow(historyRow({ workflowId: 'wf-a', outcome: 'ok', startedAt: lastNight() }), 1)],
				undefined,
				{
					since: '',
				},
			),
		);
		assert.equal(result.error, undefined, result.error?.message);
		const [digest] = result.json(DIGEST);
		assert.equal(digest.subject, 'Sync digest: 1 ok');
		assert.ok(Math.abs(Date.parse(String(digest.since)) - (before - DAY)) < 60_000);
	});

	it("reads a Since without a time zone (the date picker's) in the workflow's time zone", async () => {
		const result = await runWorkflow(
			digestWorkflow([{}], undefined, { since: '2026-12-07T07:00:00' }),
		);
		assert.equal(result.error, undefined, result.error?.message);
		const [digest] = result.json(DIGEST);
		assert.equal(digest.since, '2026-12-07T06:00:00.000Z');
		assert.match(
			String(digest.text),
			/^No sync ran since Mon 7 Dec 07:00 \(times in Europe\/Stockholm\)/,
		);
	});

	it('a Since that is no time stops the node and says what it got', async () => {
		const result = await runWorkflow(digestWorkflow([{}], undefined, { since: 'last Monday' }));
		assert.equal(result.error?.message, '"Since" is not a time: last Monday');
		assert.deepEqual(result.json(DIGEST), []);
	});
});
