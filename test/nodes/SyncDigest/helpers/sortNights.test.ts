import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { NightOutcome } from '../../../../nodes/shared/syncHistory';
import { readNights } from '../../../../nodes/SyncDigest/helpers/readNights';
import { latestOfEachWorkflow, sortNights } from '../../../../nodes/SyncDigest/helpers/sortNights';
import { HOUR, historyRow } from '../historyRows';

const SINCE = new Date('2026-12-07T06:00:00Z');
const hoursAfterSince = (hours: number) => new Date(SINCE.getTime() + hours * HOUR);

function nights(...given: Array<[workflowId: string, outcome: NightOutcome, hours: number]>) {
	const rows = given.map(([workflowId, outcome, hours]) =>
		historyRow({ workflowId, outcome, customer: workflowId, startedAt: hoursAfterSince(hours) }),
	);
	return readNights(rows as never, 'UTC').nights;
}
const names = (list: Array<{ workflowId: string; outcome: string }>) =>
	list.map((night) => `${night.workflowId} ${night.outcome}`);

describe('which nights the digest tells, in which order', () => {
	it('needs a look: red nights, then held ones, each oldest first; only those since Since', () => {
		const sections = sortNights(
			nights(
				['held-1', 'held', 1],
				['failed-1', 'failed', 3],
				['old', 'refused', -30],
				['refused-1', 'refused', 2],
				['stopped-1', 'stopped', 4],
				['held-2', 'held', 0.5],
				['ok-1', 'ok', 1],
			),
			SINCE,
		);
		assert.deepEqual(names(sections.needsALook), [
			'refused-1 refused',
			'failed-1 failed',
			'stopped-1 stopped',
			'held-2 held',
			'held-1 held',
		]);
		assert.equal(sections.recent.length, 6);
	});

	it('a night counts from its end: one that ended after Since is news, one that ended at Since is not', () => {
		// historyRow ends each night five minutes after its start.
		const sections = sortNights(
			nights(['ended-after', 'failed', -0.05], ['ended-at', 'failed', -5 / 60]),
			SINCE,
		);
		assert.deepEqual(names(sections.needsALook), ['ended-after failed']);
	});

	it('went through: each workflow whose latest night since Since is ok, by name', () => {
		const sections = sortNights(
			nights(
				['Ekskolan', 'failed', 1],
				['Ekskolan', 'ok', 2],
				['Björkskolan', 'ok', 1],
				['Björkskolan', 'failed', 2],
				['Ängsskolan', 'ok', 1],
				['Almskolan', 'ok', 1],
				['Almskolan', 'ok', 3],
				['Granskolan', 'ok', -30],
			),
			SINCE,
		);
		assert.deepEqual(names(sections.wentThrough), ['Almskolan ok', 'Ekskolan ok', 'Ängsskolan ok']);
		assert.deepEqual(
			sections.wentThrough.map((night) => night.startedAt),
			[hoursAfterSince(3), hoursAfterSince(2), hoursAfterSince(1)],
		);
		assert.deepEqual(names(sections.needsALook), ['Ekskolan failed', 'Björkskolan failed']);
	});

	it('the latest night of each workflow is the one that started last, in the order they first ran', () => {
		const latest = latestOfEachWorkflow(
			nights(['a', 'ok', 2], ['b', 'held', 1], ['a', 'failed', 1]),
		);
		assert.deepEqual(names(latest), ['b held', 'a ok']);
	});
});
