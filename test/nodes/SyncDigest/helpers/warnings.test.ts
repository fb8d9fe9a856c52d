import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { HistoryRow } from '../../../../nodes/shared/syncHistory';
import { readNights } from '../../../../nodes/SyncDigest/helpers/readNights';
import { sortNights } from '../../../../nodes/SyncDigest/helpers/sortNights';
import {
	heldWarnings,
	notRunWarnings,
	readingWarnings,
	skippedGrowthWarnings,
	warningsOf,
	type WarningInput,
} from '../../../../nodes/SyncDigest/helpers/warnings';
import { DAY, historyRow } from '../historyRows';

const ZONE = 'Europe/Stockholm';
/** Mon 7 Dec 07:00 in Stockholm. */
const SINCE = new Date('2026-12-07T06:00:00Z');
/** Last night, Tue 8 Dec 02:00 in Stockholm. */
const LAST_NIGHT = new Date('2026-12-08T01:00:00Z');
const before = (ms: number) => new Date(LAST_NIGHT.getTime() - ms);

function input(rows: HistoryRow[], more: Partial<WarningInput> = {}): WarningInput {
	const { nights } = readNights(rows as never, ZONE);
	return {
		nights,
		recent: sortNights(nights, SINCE).recent,
		since: SINCE,
		activeSyncs: [],
		compareDays: 7,
		timeZone: ZONE,
		...more,
	};
}

const angs = { workflowId: 'wf-a', customer: 'Ängsskolan', target: 'Learnifier' } as const;
const skipped = (reasons: Record<string, number>) => JSON.stringify(reasons);

describe('warnings: published syncs that did not run', () => {
	it('names each published sync without a night since Since, with the customer its rows know and its last night', () => {
		const warnings = notRunWarnings(
			input(
				[
					historyRow({ ...angs, outcome: 'ok', startedAt: before(2 * DAY) }),
					historyRow({ ...angs, customer: '', outcome: 'ok', startedAt: before(DAY) }),
					historyRow({ workflowId: 'wf-ran', outcome: 'failed', startedAt: LAST_NIGHT }),
				],
				{
					activeSyncs: [
						{ id: 'wf-a', name: 'Nightly Admentum → Learnifier' },
						{ id: 'wf-new', name: 'Nightly HR → GoPublic' },
						{ id: 'wf-ran', name: 'Ran last night' },
					],
				},
			),
		);
		assert.deepEqual(warnings, [
			{
				about: 'Ängsskolan (Nightly Admentum → Learnifier)',
				text: 'active, but did not run since Mon 7 Dec 02:00',
			},
			{ about: 'Nightly HR → GoPublic', text: 'active, but did not run since Mon 7 Dec 07:00' },
		]);
	});

	it('says nothing without the list of published workflows', () => {
		assert.deepEqual(
			notRunWarnings(input([historyRow({ ...angs, outcome: 'ok', startedAt: before(2 * DAY) })])),
			[],
		);
	});
});

describe('warnings: held removals waiting for an approval', () => {
	const held = (startedAt: Date, count = 200) =>
		historyRow({ ...angs, outcome: 'held', startedAt, held: count, heldCode: `${count}-584ebd` });

	it("gives the count, the night the holding began and the code of the workflow's latest night", () => {
		const warnings = heldWarnings(
			input([
				held(before(3 * DAY)),
				historyRow({ ...angs, outcome: 'ok', startedAt: before(2 * DAY) }),
				held(before(DAY), 198),
				held(LAST_NIGHT),
			]),
		);
		assert.deepEqual(warnings, [
			{
				about: 'Ängsskolan (Learnifier)',
				text: '200 removals held since Mon 7 Dec, waiting for an approval: enter code 200-584ebd in "Approve Held Removals"',
			},
		]);
	});

	it('also when the latest night is older than Since; none when the latest night let them through', () => {
		assert.equal(
			heldWarnings(input([held(before(3 * DAY), 1)]))[0].text.startsWith(
				'1 removal held since Sat 5 Dec',
			),
			true,
		);
		assert.deepEqual(
			heldWarnings(
				input([held(before(DAY)), historyRow({ ...angs, outcome: 'ok', startedAt: LAST_NIGHT })]),
			),
			[],
		);
	});

	it('without a code it points to the summary', () => {
		const [warning] = heldWarnings(
			input([
				historyRow({ ...angs, outcome: 'held', startedAt: LAST_NIGHT, held: 0, heldCode: '' }),
			]),
		);
		assert.equal(
			warning.text,
			"removals held since Tue 8 Dec, waiting for an approval: the code is in the night's summary",
		);
	});
});

describe('warnings: skipped records that grew', () => {
	it("compares last night with the workflow's latest night at least a week older, reason by reason", () => {
		const warnings = skippedGrowthWarnings(
			input([
				historyRow({
					...angs,
					outcome: 'ok',
					startedAt: before(9 * DAY),
					skippedReasons: skipped({ 'no e-mail': 1 }),
				}),
				historyRow({
					...angs,
					outcome: 'ok',
					startedAt: before(7 * DAY),
					skippedReasons: skipped({ 'no e-mail': 7, 'two people, one e-mail': 4, gone: 3 }),
				}),
				historyRow({
					...angs,
					outcome: 'ok',
					startedAt: before(6 * DAY),
					skippedReasons: skipped({ 'no e-mail': 11 }),
				}),
				historyRow({
					...angs,
					outcome: 'failed',
					startedAt: LAST_NIGHT,
					skippedReasons: skipped({ 'no e-mail': 12, 'two people, one e-mail': 4, 'no role': 2 }),
				}),
			]),
		);
		assert.deepEqual(warnings, [
			{ about: 'Ängsskolan (Learnifier)', text: '12 skipped — no e-mail, +5 since last week' },
			{ about: 'Ängsskolan (Learnifier)', text: '2 skipped — no role, +2 since last week' },
		]);
	});

	it('another span names the day compared with; no older night, or no night since Since, no warning', () => {
		const week = historyRow({
			...angs,
			outcome: 'ok',
			startedAt: before(3 * DAY),
			skippedReasons: skipped({ x: 1 }),
		});
		const last = historyRow({
			...angs,
			outcome: 'ok',
			startedAt: LAST_NIGHT,
			skippedReasons: skipped({ x: 4 }),
		});
		assert.deepEqual(
			skippedGrowthWarnings(input([week, last], { compareDays: 3 })).map((w) => w.text),
			['4 skipped — x, +3 since Sat 5 Dec'],
		);
		assert.deepEqual(skippedGrowthWarnings(input([week, last])), []);
		const old = historyRow({
			...angs,
			outcome: 'ok',
			startedAt: before(10 * DAY),
			skippedReasons: skipped({}),
		});
		const beforeSince = historyRow({
			...angs,
			outcome: 'ok',
			startedAt: before(2 * DAY),
			skippedReasons: skipped({ x: 9 }),
		});
		assert.deepEqual(skippedGrowthWarnings(input([old, beforeSince])), []);
	});
});

describe('warnings, all of them', () => {
	it('syncs that did not run first, then held removals, then skipped growth; each by name', () => {
		const bjork = { workflowId: 'wf-b', customer: 'Björkskolan', target: 'GoPublic' } as const;
		const warnings = warningsOf(
			input(
				[
					historyRow({
						...angs,
						outcome: 'ok',
						startedAt: before(7 * DAY),
						skippedReasons: skipped({ x: 1 }),
					}),
					historyRow({
						...angs,
						outcome: 'held',
						startedAt: LAST_NIGHT,
						held: 5,
						heldCode: '5-aaaaaa',
						skippedReasons: skipped({ x: 2 }),
					}),
					historyRow({
						...bjork,
						outcome: 'held',
						startedAt: LAST_NIGHT,
						held: 6,
						heldCode: '6-bbbbbb',
					}),
				],
				{
					activeSyncs: [
						{ id: 'wf-z', name: 'Zeta' },
						{ id: 'wf-c', name: 'Ceta' },
					],
				},
			),
		);
		assert.deepEqual(
			warnings.map((warning) => warning.about),
			[
				'Ceta',
				'Zeta',
				'Björkskolan (GoPublic)',
				'Ängsskolan (Learnifier)',
				'Ängsskolan (Learnifier)',
			],
		);
		assert.match(warnings[4].text, /^2 skipped — x, \+1 since last week$/);
	});

	it('says what could not be read: items that are no nights, and a list n8n would not give', () => {
		assert.deepEqual(readingWarnings(0, []), []);
		assert.deepEqual(readingWarnings(2, ['Authorization failed']), [
			{
				about: 'Sync history',
				text: '2 items without a workflow, a start time or a known outcome, left out of this digest',
			},
			{
				about: 'Active Workflows',
				text: 'the published workflows could not be listed, so syncs that did not run are not named: Authorization failed',
			},
		]);
		assert.equal(readingWarnings(1, [])[0].text.startsWith('1 item without'), true);
	});
});
