import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { composeDigest } from '../../../../nodes/SyncDigest/helpers/composeDigest';
import { asTableRow, DAY, historyRow, HOUR, listedWorkflow } from '../historyRows';

const ZONE = 'Europe/Stockholm';
const NOW = new Date('2026-12-08T06:00:00Z');
const SINCE = new Date(NOW.getTime() - DAY);
const LAST_NIGHT = new Date(NOW.getTime() - 5 * HOUR);

const compose = (history: object[], workflows: object[] = []) =>
	composeDigest({
		history: history as never,
		workflows: workflows as never,
		since: SINCE,
		now: NOW,
		timeZone: ZONE,
		compareDays: 7,
	});

describe('the digest item', () => {
	it('a green morning: every sync went through, the subject says so, nothing needs a look', () => {
		const rows = ['Almskolan', 'Björkskolan'].map((customer, i) =>
			asTableRow(
				historyRow({
					workflowId: `wf-${i}`,
					customer,
					outcome: 'ok',
					startedAt: LAST_NIGHT,
					summary: '400 unchanged',
				}),
				i + 1,
			),
		);
		const digest = compose(rows, [listedWorkflow('wf-0', 'A'), listedWorkflow('wf-1', 'B')]);
		assert.equal(digest.subject, 'Sync digest: 2 ok');
		assert.deepEqual(digest.warnings, []);
		assert.deepEqual(
			[digest.nights, digest.needsALook, digest.held, digest.ok, digest.since, digest.until],
			[2, 0, 0, 2, SINCE.toISOString(), NOW.toISOString()],
		);
		assert.match(digest.text, /NEEDS A LOOK\nNothing: no night failed or held removals\.\n/);
		assert.match(
			digest.text,
			/- Almskolan — Learnifier: 400 unchanged\n[^]*- Björkskolan — Learnifier: 400 unchanged\n/,
		);
	});

	it('an empty history table (its one empty item) is a mail too: nothing ran', () => {
		const digest = compose([{}]);
		assert.equal(digest.subject, 'Sync digest: nothing ran');
		assert.match(
			digest.text,
			/^No sync ran since Mon 7 Dec 07:00 \(times in Europe\/Stockholm\)\.\n/,
		);
		assert.match(digest.html, /No sync ran since Mon 7 Dec 07:00/);
	});

	it('escapes in the HTML every value that comes from the rows and the workflow list', () => {
		const hostile = (what: string) => `<img src=x onerror="${what}">&`;
		const rows = [
			historyRow({
				workflowId: 'wf-1',
				customer: hostile('customer'),
				target: hostile('target'),
				outcome: 'failed',
				startedAt: LAST_NIGHT,
				summary: hostile('summary'),
				reason: hostile('reason'),
			}),
			historyRow({
				workflowId: 'wf-1',
				customer: hostile('customer'),
				target: hostile('target'),
				outcome: 'held',
				startedAt: new Date(LAST_NIGHT.getTime() + HOUR),
				heldCode: hostile('code'),
				held: 3,
				skippedReasons: JSON.stringify({ [hostile('skip reason')]: 4 }),
				executionUrl: `https://n8n.example/"><script>x</script>`,
			}),
			historyRow({
				workflowId: 'wf-1',
				outcome: 'ok',
				startedAt: new Date(LAST_NIGHT.getTime() - 7 * DAY),
			}),
		];
		const digest = compose(rows, [listedWorkflow('wf-2', hostile('workflow name'))]);

		assert.doesNotMatch(digest.html, /<img|<script|onerror="/);
		for (const what of [
			'customer',
			'target',
			'summary',
			'reason',
			'code',
			'skip reason',
			'workflow name',
		]) {
			assert.ok(
				digest.html.includes(`&lt;img src=x onerror=&quot;${what}&quot;&gt;&amp;`),
				`${what} is not escaped`,
			);
		}
		assert.ok(
			digest.html.includes('href="https://n8n.example/&quot;&gt;&lt;script&gt;x&lt;/script&gt;"'),
		);
		// The text part is plain text: the values stand as they are.
		assert.ok(digest.text.includes(hostile('reason')));
		assert.equal(digest.warnings.length, 3);
	});
});
