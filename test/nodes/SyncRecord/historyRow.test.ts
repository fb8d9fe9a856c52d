import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { historyRow, skippedByReason, type NightFacts } from '../../../nodes/SyncRecord/historyRow';
import { summarizeOutcomes } from '../../../nodes/shared/summarizeOutcomes';
import { HISTORY_COLUMNS, HISTORY_COUNTS } from '../../../nodes/shared/syncHistory';
import { withOutcome } from '../../../nodes/shared/syncOutcome';

const facts: NightFacts = {
	startedAt: '2026-12-07T01:00:00.000Z',
	endedAt: '2026-12-07T01:04:00.000Z',
	workflowId: 'w1',
	workflowName: 'Ängsskolan → Learnifier',
	customer: 'Ängsskolan',
	target: 'Learnifier',
	trigger: 'scheduled',
	executionId: '42',
	executionUrl: 'http://n8n.local/workflow/w1/executions/42',
};

const items = [
	withOutcome({}, { action: 'created' }),
	withOutcome({}, { action: 'skipped', item: 2, reason: 'has no e-mail address' }),
	withOutcome({}, { action: 'skipped', item: 3, reason: 'has no e-mail address' }),
	withOutcome({}, { action: 'skipped', item: 4, reason: 'has no external ID' }),
	withOutcome({ key: 'p9', approvalCode: 'abc123' }, { action: 'held', reason: 'too many' }),
];

describe('historyRow', () => {
	it('has exactly the columns of the Sync history table', () => {
		const row = historyRow(summarizeOutcomes(items), items, facts);
		assert.deepEqual(Object.keys(row).sort(), HISTORY_COLUMNS.map((column) => column.name).sort());
	});

	it('every count, the outcome, the summary line and the code of the held removals', () => {
		const summary = summarizeOutcomes(items);
		const row = historyRow(summary, items, facts);
		assert.equal(row.created, 1);
		assert.equal(row.skipped, 3);
		assert.equal(row.held, 1);
		assert.ok(HISTORY_COUNTS.every((name) => typeof row[name] === 'number'));
		assert.equal(row.outcome, 'held');
		assert.equal(row.heldCode, 'abc123');
		assert.equal(row.summary, summary.summary);
		assert.equal(row.mode, 'apply');
		assert.equal(row.customer, 'Ängsskolan');
	});

	it('counts skipped records by reason, without the record', () => {
		assert.deepEqual(skippedByReason(items), {
			'has no e-mail address': 2,
			'has no external ID': 1,
		});
	});
});
