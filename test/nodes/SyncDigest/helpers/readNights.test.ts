import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { readNights, readSkippedReasons } from '../../../../nodes/SyncDigest/helpers/readNights';
import { asTableRow, historyRow } from '../historyRows';

const ZONE = 'Europe/Stockholm';
const at = (iso: string) => new Date(iso);

describe('reading the Sync history rows', () => {
	it('reads each row as n8n puts it out, and puts the nights oldest first', () => {
		const later = historyRow({
			workflowId: 'wf-1',
			workflowName: 'Nightly Learnifier',
			customer: 'Ängsskolan',
			outcome: 'held',
			startedAt: at('2026-12-07T01:00:00Z'),
			summary: '3 created, 200 held',
			reason: '200 of 400 removals held',
			heldCode: '200-584ebd',
			held: 200,
			skippedReasons: JSON.stringify({ 'no e-mail': 4 }),
			mode: 'preview',
			trigger: 'manual',
		});
		const earlier = historyRow({
			workflowId: 'wf-2',
			outcome: 'ok',
			startedAt: at('2026-12-06T01:00:00Z'),
		});

		const { nights, unreadable } = readNights([asTableRow(later, 2), asTableRow(earlier, 1)], ZONE);

		assert.equal(unreadable, 0);
		assert.deepEqual(
			nights.map((night) => night.workflowId),
			['wf-2', 'wf-1'],
		);
		assert.deepEqual(nights[1], {
			workflowId: 'wf-1',
			workflowName: 'Nightly Learnifier',
			customer: 'Ängsskolan',
			target: 'Learnifier',
			startedAt: at('2026-12-07T01:00:00Z'),
			endedAt: at('2026-12-07T01:05:00Z'),
			outcome: 'held',
			summary: '3 created, 200 held',
			reason: '200 of 400 removals held',
			heldCode: '200-584ebd',
			held: 200,
			skippedReasons: { 'no e-mail': 4 },
			executionUrl: later.executionUrl,
			preview: true,
			byHand: true,
		});
	});

	it('leaves out the empty item of an empty table, and counts what is not a night it can read', () => {
		const good = asTableRow(
			historyRow({ workflowId: 'wf-1', outcome: 'ok', startedAt: at('2026-12-07T01:00:00Z') }),
			1,
		);
		const { nights, unreadable } = readNights(
			[
				{},
				good,
				{ ...good, outcome: 'exploded' },
				{ ...good, startedAt: null },
				{ ...good, workflowId: '' },
				{ id: 7, name: 'a row of another table' },
			],
			ZONE,
		);
		assert.equal(nights.length, 1);
		assert.equal(unreadable, 4);
	});

	it('takes numbers given as text, Date objects (Data table 1.0), and a missing end as the start', () => {
		const row = {
			workflowId: 'wf-1',
			outcome: 'OK',
			startedAt: at('2026-12-07T01:00:00Z'),
			endedAt: null,
			held: '3',
		};
		const [night] = readNights([row], ZONE).nights;
		assert.equal(night.outcome, 'ok');
		assert.equal(night.held, 3);
		assert.deepEqual(night.endedAt, at('2026-12-07T01:00:00Z'));
		assert.deepEqual(night.skippedReasons, {});
		assert.equal(night.customer, '');
	});

	it('reads skipped reasons as JSON text or an object; counts that are not positive numbers are dropped', () => {
		assert.deepEqual(readSkippedReasons('{"no e-mail": 12, "two people, one e-mail": "3"}'), {
			'no e-mail': 12,
			'two people, one e-mail': 3,
		});
		assert.deepEqual(readSkippedReasons({ 'no e-mail': 2, zero: 0, bad: 'x' }), { 'no e-mail': 2 });
		for (const nothing of ['', 'not json', '[1,2]', 'null', null, undefined, 5]) {
			assert.deepEqual(readSkippedReasons(nothing), {}, String(nothing));
		}
	});
});
