import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { judgeNight, type FailPolicy } from '../../../nodes/SyncSummary/judgeNight';
import { summarizeOutcomes } from '../../../nodes/shared/summarizeOutcomes';

const outcomes = (counts: Record<string, number>, extra: object[] = []) => [
	...Object.entries(counts).flatMap(([action, n]) =>
		Array.from({ length: n }, (_, i) => ({
			_sync: { action, item: i + 1, reason: `${action} reason ${i}` },
		})),
	),
	...extra,
];
const judge = (items: object[], when: FailPolicy['when'], maxFailedPercent = 10) =>
	judgeNight(summarizeOutcomes(items as never), { when, maxFailedPercent });

describe('judgeNight', () => {
	const refused = {
		_sync: { action: 'failed', reason: 'refused the key (401)', refusedAsWhole: true },
	};
	const stopped = {
		_sync: { action: 'stopped', reason: 'Stopped before any change: would remove 3 of 15' },
	};

	it('a guard stop or a refusal as a whole fails the night under every rule but Never', () => {
		for (const when of ['refusedOrShare', 'refused', 'anyFailed'] as const) {
			assert.match(
				judge(outcomes({ created: 50 }, [stopped]), when) ?? '',
				/it was stopped before anything was written/,
				when,
			);
			assert.match(
				judge(outcomes({ created: 50 }, [refused]), when) ?? '',
				/refused the work as a whole: refused the key/,
				when,
			);
		}
		assert.equal(judge(outcomes({}, [stopped, refused]), 'never'), undefined);
	});

	it('failed records: by share, by any, or not at all', () => {
		const night = outcomes({ created: 18, failed: 2 });
		assert.equal(judge(night, 'refusedOrShare', 10), undefined, '10.0 % is not more than 10 %');
		assert.match(
			judge(night, 'refusedOrShare', 5) ?? '',
			/2 of 20 writes failed \(10\.0 %, more than the 5 % allowed\)/,
		);
		assert.match(
			judge(night, 'anyFailed') ?? '',
			/^Night failed \(18 created, 2 failed\): 2 of 20 writes failed$/,
		);
		assert.equal(judge(night, 'refused'), undefined);
	});

	it('skipped and unchanged records never count against a night', () => {
		assert.equal(
			judge(outcomes({ unchanged: 100, skipped: 40, created: 1 }), 'anyFailed'),
			undefined,
		);
	});
});
