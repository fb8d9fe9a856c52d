import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	mailDocument,
	outcomeCounts,
	subjectOf,
	type OutcomeCounts,
} from '../../../../nodes/SyncDigest/helpers/mailDocument';
import { readNights } from '../../../../nodes/SyncDigest/helpers/readNights';
import { sortNights } from '../../../../nodes/SyncDigest/helpers/sortNights';
import { historyRow } from '../historyRows';

const ZONE = 'Europe/Stockholm';
const SINCE = new Date('2026-12-07T06:00:00Z');
const LAST_NIGHT = new Date('2026-12-08T01:00:00Z');
const none: OutcomeCounts = { failed: 0, refused: 0, stopped: 0, held: 0, ok: 0 };

describe('the subject', () => {
	it('counts red and held nights and the syncs that went through, then the warnings', () => {
		assert.equal(
			subjectOf({ ...none, refused: 1, held: 1, ok: 3 }, 5, 2),
			'Sync digest: 1 refused, 1 held, 3 ok — 2 warnings',
		);
		assert.equal(
			subjectOf({ failed: 2, refused: 1, stopped: 1, held: 0, ok: 0 }, 4, 1),
			'Sync digest: 2 failed, 1 refused, 1 stopped — 1 warning',
		);
	});

	it('a green morning looks green; a morning when nothing ran says so', () => {
		assert.equal(subjectOf({ ...none, ok: 5 }, 5, 0), 'Sync digest: 5 ok');
		assert.equal(subjectOf(none, 0, 0), 'Sync digest: nothing ran');
		assert.equal(subjectOf(none, 0, 3), 'Sync digest: nothing ran — 3 warnings');
	});
});

describe('the content', () => {
	const rows = [
		historyRow({
			workflowId: 'wf-a',
			customer: 'Ängsskolan',
			outcome: 'refused',
			startedAt: LAST_NIGHT,
			summary: '0 created, 80 failed',
			reason: 'Learnifier refused the key (401)',
			executionUrl: 'https://n8n.skola.example/workflow/wf-a/executions/7',
		}),
		historyRow({
			workflowId: 'wf-b',
			customer: 'Björkskolan',
			outcome: 'ok',
			startedAt: LAST_NIGHT,
			summary: '',
			mode: 'preview',
			trigger: 'manual',
			executionUrl: 'javascript:alert(1)',
		}),
	];
	const sections = sortNights(readNights(rows as never, ZONE).nights, SINCE);

	it('a night that needs a look: its summary, then outcome, time and reason, then the link', () => {
		const document = mailDocument({ sections, warnings: [], since: SINCE, timeZone: ZONE });
		assert.equal(document.intro, `2 nights since Mon 7 Dec 07:00 (times in ${ZONE}).`);
		assert.deepEqual(document.sections[0].entries, [
			{
				lead: 'Ängsskolan — Learnifier',
				text: '0 created, 80 failed',
				details: ['refused, Tue 8 Dec 02:00: Learnifier refused the key (401)'],
				link: 'https://n8n.skola.example/workflow/wf-a/executions/7',
			},
		]);
	});

	it('a night that went through: runs by hand and previews are marked; only http(s) links are kept', () => {
		const document = mailDocument({ sections, warnings: [], since: SINCE, timeZone: ZONE });
		assert.deepEqual(document.sections[1].entries, [
			{
				lead: 'Björkskolan — Learnifier',
				text: '(no summary)',
				details: ['Tue 8 Dec 02:00, run by hand, preview'],
				link: undefined,
			},
		]);
	});

	it('warnings as they are; empty sections say so; nothing ran says so', () => {
		const quiet = sortNights([], SINCE);
		const document = mailDocument({
			sections: quiet,
			warnings: [{ about: 'Nightly HR', text: 'active, but did not run since Mon 7 Dec 07:00' }],
			since: SINCE,
			timeZone: ZONE,
		});
		assert.equal(document.subject, 'Sync digest: nothing ran — 1 warning');
		assert.equal(document.intro, `No sync ran since Mon 7 Dec 07:00 (times in ${ZONE}).`);
		assert.deepEqual(
			document.sections.map((section) => [section.title, section.tone, section.entries.length]),
			[
				['Needs a look', 'red', 0],
				['Went through', 'green', 0],
				['Warnings', 'amber', 1],
			],
		);
		assert.deepEqual(document.sections[2].entries[0], {
			lead: 'Nightly HR',
			text: 'active, but did not run since Mon 7 Dec 07:00',
			details: [],
		});
	});

	it('counts nights that need a look by outcome, and the syncs that went through', () => {
		assert.deepEqual(outcomeCounts(sections), { ...none, refused: 1, ok: 1 });
	});
});
