import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { judgeNight, type FailPolicy } from '../../../../nodes/SyncSummary/judgeNight';
import { summarizeOutcomes } from '../../../../nodes/shared/summarizeOutcomes';

const policy: FailPolicy = { when: 'refusedOrShare', maxFailedPercent: 10 };
const many = (count: number, sync: (i: number) => IDataObject) =>
	Array.from({ length: count }, (_, i) => ({ _sync: sync(i) }));

describe('Sync Summary of a preview and of a held night', () => {
	it('a preview is marked, counts what it would do, lists the first ten of each kind and ends green', () => {
		const summary = summarizeOutcomes([
			...many(12, (i) => ({ action: 'wouldCreate', record: `key "n${i}"`, preview: true })),
			{
				_sync: {
					action: 'wouldUpdate',
					record: 'key "p1" (Ana Berg)',
					fields: ['firstName'],
					reason: 'firstName "Anna" → "Ana"',
					preview: true,
				},
			},
			...many(2, (i) => ({ action: 'wouldRemove', record: `key "g${i}"`, preview: true })),
			...many(5, () => ({ action: 'unchanged', preview: true })),
			{ _sync: { action: 'skipped', reason: 'no e-mail', preview: true } },
		]);
		assert.equal(
			summary.summary,
			'Preview: 12 would create, 1 would update, 2 would remove, 5 unchanged, 1 skipped',
		);
		assert.equal(summary.preview, true);
		assert.equal(summary.writes, 0);
		assert.deepEqual(summary.wouldDo, [
			...Array.from({ length: 10 }, (_, i) => `Would create key "n${i}"`),
			'... and 2 more would create',
			'Would update key "p1" (Ana Berg): firstName "Anna" → "Ana"',
			'Would remove key "g0"',
			'Would remove key "g1"',
		]);
		assert.equal(judgeNight(summary, policy), undefined);
	});

	it('a preview that would stop or hold still ends green, and says "would"', () => {
		const stopped = summarizeOutcomes([
			{ _sync: { action: 'stopped', reason: 'too many', preview: true } },
		]);
		assert.equal(stopped.summary, 'Preview: 1 would stop');
		assert.equal(judgeNight(stopped, policy), undefined);
		const held = summarizeOutcomes([{ _sync: { action: 'held', record: 'x', preview: true } }]);
		assert.equal(held.summary, 'Preview: 1 would hold');
		assert.equal(judgeNight(held, policy), undefined);
	});

	it('a held night lists the held by name, says why and how to approve, and ends red', () => {
		const because = '3 of 20 removals held: ... enter 3-abcdef in "Approve Held Removals" ...';
		const summary = summarizeOutcomes([
			{ _sync: { action: 'created' } },
			{ _sync: { action: 'updated', fields: ['lastName'] } },
			...many(3, (i) => ({
				action: 'held',
				record: `key "p${i}" (Anna Berg${i})`,
				reason: because,
			})),
		]);
		assert.equal(summary.summary, '1 created, 1 updated, 3 held');
		assert.deepEqual(summary.held, [
			'key "p0" (Anna Berg0)',
			'key "p1" (Anna Berg1)',
			'key "p2" (Anna Berg2)',
		]);
		assert.equal(summary.heldBecause, because);
		assert.equal(
			judgeNight(summary, policy),
			`Night failed (1 created, 1 updated, 3 held): the removals were held, the creates and updates were applied: ${because}`,
		);
		assert.equal(judgeNight(summary, { ...policy, when: 'never' }), undefined);
	});

	it('an approval is a note, not a count, and the night passes', () => {
		const summary = summarizeOutcomes([
			...many(3, () => ({ action: 'locked' })),
			{ _sync: { action: 'approved', reason: '3 held removals approved with code 3-abcdef' } },
		]);
		assert.equal(summary.summary, '3 locked');
		assert.deepEqual(summary.approved, ['3 held removals approved with code 3-abcdef']);
		assert.equal(judgeNight(summary, policy), undefined);
	});
});
