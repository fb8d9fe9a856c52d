import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	DEFAULT_DELETION_LIMITS,
	findDeletionGuardViolation,
	type DeletionGuardCounts,
} from '../../../nodes/shared/deletionGuard';

const HOW_TO_ALLOW = 'Raise the limit of this node.';
const limits = { maxDeletions: 5, maxDeletionPercent: 10 };
const judge = (counts: DeletionGuardCounts) =>
	findDeletionGuardViolation(counts, limits, HOW_TO_ALLOW);

describe('findDeletionGuardViolation', () => {
	it('the defaults are 50 records or 10 % of the target', () => {
		assert.deepEqual(DEFAULT_DELETION_LIMITS, { maxDeletions: 50, maxDeletionPercent: 10 });
	});

	it('no deletions never stop, even from an empty source', () => {
		assert.equal(judge({ deletions: 0, sourceCount: 0, targetCount: 1000 }), undefined);
		assert.equal(judge({ deletions: 0, sourceCount: 10, targetCount: 0 }), undefined);
	});

	it('exactly at both limits passes; one record over the count stops', () => {
		assert.equal(judge({ deletions: 5, sourceCount: 45, targetCount: 50 }), undefined);
		const over = judge({ deletions: 6, sourceCount: 100, targetCount: 100 });
		assert.equal(
			over,
			'Stopped before any change: this run would remove 6 of 100 records (6.0 %), more than the ' +
				'limit of 5 records or 10 % of the target. A source that is suddenly much smaller is ' +
				'usually incomplete, not a real change. Raise the limit of this node.',
		);
	});

	it('within the count but over the percentage stops, with the percentage to one decimal', () => {
		const over = judge({ deletions: 2, sourceCount: 12, targetCount: 15 });
		assert.match(over!, /would remove 2 of 15 records \(13\.3 %\)/);
	});

	it('10 % of the target is allowed, a hair more is not', () => {
		const wide = { maxDeletions: 1000, maxDeletionPercent: 10 };
		const at = { deletions: 100, sourceCount: 900, targetCount: 1000 };
		assert.equal(findDeletionGuardViolation(at, wide, HOW_TO_ALLOW), undefined);
		const above = { deletions: 101, sourceCount: 900, targetCount: 1000 };
		assert.match(findDeletionGuardViolation(above, wide, HOW_TO_ALLOW)!, /\(10\.1 %\)/);
	});

	it('an empty source with anything to delete stops, whatever the limits, saying why', () => {
		const unlimited = { maxDeletions: 1_000_000, maxDeletionPercent: 100 };
		const violation = findDeletionGuardViolation(
			{ deletions: 3, sourceCount: 0, targetCount: 1234 },
			unlimited,
			HOW_TO_ALLOW,
		);
		assert.equal(
			violation,
			'Stopped before any change: the source list is empty while the target holds 1,234 records, ' +
				'so all of them would be removed. An empty source usually means it could not be read ' +
				'(wrong address, key or school list). Raise the limit of this node.',
		);
	});

	it('deletions from an empty target count as 100 %', () => {
		const generous = { maxDeletions: 10, maxDeletionPercent: 99 };
		const violation = findDeletionGuardViolation(
			{ deletions: 1, sourceCount: 5, targetCount: 0 },
			generous,
			HOW_TO_ALLOW,
		);
		assert.match(violation!, /would remove 1 of 0 records \(100\.0 %\)/);
		const everything = { maxDeletions: 10, maxDeletionPercent: 100 };
		assert.equal(
			findDeletionGuardViolation({ deletions: 1, sourceCount: 5, targetCount: 0 }, everything, ''),
			undefined,
		);
	});

	it('limits of 0 stop any deletion', () => {
		const none = { maxDeletions: 0, maxDeletionPercent: 0 };
		assert.ok(
			findDeletionGuardViolation({ deletions: 1, sourceCount: 99, targetCount: 100 }, none, ''),
		);
	});

	it('large numbers are written with thousands separators', () => {
		const violation = judge({ deletions: 12345, sourceCount: 1, targetCount: 20000 });
		assert.match(
			violation!,
			/remove 12,345 of 20,000 records \(61\.7 %\), more than the limit of 5 records/,
		);
	});
});
