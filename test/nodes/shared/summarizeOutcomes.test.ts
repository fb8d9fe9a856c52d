import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { summarizeOutcomes } from '../../../nodes/shared/summarizeOutcomes';

describe('summarizeOutcomes', () => {
	it('counts each item by its _sync action and lists skip and failure reasons', () => {
		const result = summarizeOutcomes([
			{ id: 'a', _sync: { action: 'created' } },
			{ id: 'b', _sync: { action: 'created' } },
			{ id: 'c', _sync: { action: 'updated', fields: ['lastName'] } },
			{ id: 'd', _sync: { action: 'locked' } },
			{ key: 'e', _sync: { action: 'unchanged' } },
			{ side: 'source', _sync: { action: 'skipped', reason: 'source record has no externalId' } },
			{
				_sync: {
					action: 'failed',
					item: 3,
					record: 'user 77',
					reason: 'e-mail x@y.se is taken by user 12',
				},
			},
		]);
		assert.deepEqual(result.counts, {
			created: 2,
			updated: 1,
			locked: 1,
			deleted: 0,
			unchanged: 1,
			sent: 0,
			skipped: 1,
			failed: 1,
			stopped: 0,
		});
		assert.equal(
			result.summary,
			'2 created, 1 updated, 1 locked, 1 unchanged, 1 skipped, 1 failed',
		);
		assert.deepEqual(result.skipped, ['source record has no externalId']);
		assert.deepEqual(result.failed, ['Item 3, user 77: e-mail x@y.se is taken by user 12']);
		assert.equal(
			result.writes,
			5,
			'created, updated, locked and failed are writes; unchanged and skipped are not',
		);
		assert.equal(result.notCounted, 0);
	});

	it('lists refusals as a whole and guard stops apart from failed records', () => {
		const result = summarizeOutcomes([
			{
				_sync: {
					action: 'failed',
					item: 1,
					reason: 'GoPublic refused the API key (401)',
					refusedAsWhole: true,
				},
			},
			{
				_sync: {
					action: 'failed',
					item: 2,
					reason: 'GoPublic refused the API key (401)',
					refusedAsWhole: true,
				},
			},
			{
				_sync: {
					action: 'stopped',
					reason: 'Stopped before any change: this run would remove 3 of 15 members',
				},
			},
		]);
		assert.deepEqual(result.refused, ['GoPublic refused the API key (401) (2 records)']);
		assert.deepEqual(result.stopped, [
			'Stopped before any change: this run would remove 3 of 15 members',
		]);
		assert.deepEqual(result.failed, []);
		assert.equal(result.refusedWrites, 2);
	});

	it('counts an item with an error as failed even without _sync (Continue On Fail of any node)', () => {
		const result = summarizeOutcomes([{ error: 'No answer from host (ECONNRESET)' }]);
		assert.equal(result.counts.failed, 1);
		assert.deepEqual(result.failed, ['No answer from host (ECONNRESET)']);
	});

	it('keeps actions it does not know, after the known ones', () => {
		const result = summarizeOutcomes([
			{ _sync: { action: 'unlocked' } },
			{ _sync: { action: 'created' } },
		]);
		assert.equal(result.summary, '1 created, 1 unlocked');
	});

	it('reports items it could not classify instead of guessing', () => {
		const result = summarizeOutcomes([
			{ name: 'no outcome here' },
			{ _sync: { action: 'created' } },
		]);
		assert.equal(result.notCounted, 1);
		assert.equal(result.counts.created, 1);
	});

	it('lists at most maxReasons reasons and says how many more there were', () => {
		const items = Array.from({ length: 5 }, (_, i) => ({
			_sync: { action: 'skipped', reason: `reason ${i}` },
		}));
		const result = summarizeOutcomes(items, 2);
		assert.deepEqual(result.skipped, ['reason 0', 'reason 1', '... and 3 more']);
		assert.equal(result.counts.skipped, 5);
	});

	it('lists a reason shared by several records once, with how many records it applies to', () => {
		const shared = {
			_sync: { action: 'skipped', reason: 'The email "a@x.se" is used by 2 source records' },
		};
		const result = summarizeOutcomes([
			shared,
			shared,
			shared,
			{ _sync: { action: 'skipped', reason: 'other' } },
		]);
		assert.deepEqual(result.skipped, [
			'The email "a@x.se" is used by 2 source records (3 records)',
			'other',
		]);
		assert.equal(result.counts.skipped, 4);
	});

	it('says so when there is nothing to report', () => {
		assert.equal(summarizeOutcomes([]).summary, 'nothing to report');
	});
});
