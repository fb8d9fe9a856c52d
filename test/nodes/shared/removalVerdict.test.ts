import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { approvalCode } from '../../../nodes/shared/approvalCode';
import { judgeRemovals, type RemovalQuestion } from '../../../nodes/shared/removalVerdict';

const keys = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => `k${from + i}`);
const question = (removals: string[], extra: Partial<RemovalQuestion> = {}): RemovalQuestion => ({
	removals,
	violation: (count) => (count > 5 ? `${count} is too many` : undefined),
	policy: 'holdRemovals',
	entered: '',
	targetCount: 100,
	noun: 'locks',
	...extra,
});

describe('the held/approve decision', () => {
	it('within the limits everything goes; over them it holds, or stops by policy', () => {
		assert.deepEqual(judgeRemovals(question(keys(1, 3))), {
			kind: 'go',
			remove: keys(1, 3),
			held: [],
			approvedCode: undefined,
			approvedCount: undefined,
			approvedKeys: undefined,
		});
		const held = judgeRemovals(question(keys(1, 8)));
		assert.equal(held.kind === 'go' && held.held.length, 8);
		assert.equal(held.kind === 'go' && held.code, approvalCode(keys(1, 8)));
		assert.deepEqual(judgeRemovals(question(keys(1, 8), { policy: 'stop' })), {
			kind: 'stop',
			violation: '8 is too many',
		});
	});

	it('without a memory of the held set, a code approves exactly that set', () => {
		const code = approvalCode(keys(1, 8));
		const exact = judgeRemovals(question(keys(1, 8), { entered: code }));
		assert.deepEqual(exact.kind === 'go' && [exact.remove.length, exact.held.length], [8, 0]);
		const larger = judgeRemovals(question(keys(1, 9), { entered: code }));
		assert.deepEqual(larger.kind === 'go' && [larger.remove.length, larger.held.length], [0, 9]);
	});

	it('with it, the approved go and the churn since is judged alone', () => {
		const code = approvalCode(keys(1, 8));
		const heldBefore = new Map(keys(1, 8).map((key) => [key, code]));
		// Two more left, one approved came back: 7 approved go, the 2 new ones are within the limits.
		const churn = judgeRemovals(
			question([...keys(2, 8), 'k20', 'k21'], { entered: code, heldBefore }),
		);
		assert.deepEqual(
			churn.kind === 'go' && [
				churn.remove.length,
				churn.held,
				churn.approvedCode,
				churn.approvedCount,
				churn.approvedKeys,
			],
			[9, [], code, 7, keys(2, 8)],
		);
		// The export was cut short since: the approved go, the 10 new ones are held under a new code.
		const cut = judgeRemovals(
			question([...keys(1, 8), ...keys(30, 39)], { entered: code, heldBefore }),
		);
		assert.ok(cut.kind === 'go');
		assert.deepEqual(
			[cut.remove, cut.held, cut.code],
			[keys(1, 8), keys(30, 39), approvalCode(keys(30, 39))],
		);
	});
});
