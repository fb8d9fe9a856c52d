import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { approvalCode, approves, keyList } from '../../../nodes/shared/approvalCode';

describe('approvalCode', () => {
	const held = ['p12', 'p13', 'p14'];

	it('is the held count and six hex characters, whatever the order of the keys', () => {
		const code = approvalCode(held);
		assert.match(code, /^3-[0-9a-f]{6}$/);
		assert.equal(approvalCode([...held].reverse()), code);
	});

	it('approves exactly the set it was made for, ignoring surrounding spaces and case', () => {
		const code = approvalCode(held);
		assert.equal(approves(` ${code.toUpperCase()} `, held), true);
		assert.equal(approves(code, [...held, 'p15']), false, 'a larger set is held again');
		assert.equal(approves(code, ['p12', 'p13', 'p99']), false, 'another set of the same size');
		assert.equal(approves('', held), false);
		assert.equal(approves(undefined, held), false);
		assert.equal(approves(approvalCode([]), []), false, 'nothing held, nothing to approve');
	});

	it('different sets of one size get different codes', () => {
		const codes = new Set(
			Array.from({ length: 1000 }, (_, i) => approvalCode([`p${i}`, `p${i + 1}`])),
		);
		assert.equal(codes.size, 1000);
	});

	it('keyList reads a comma-separated list of keys', () => {
		assert.deepEqual(keyList(' 10377, 10412 ,,'), ['10377', '10412']);
		assert.deepEqual(keyList(''), []);
		assert.deepEqual(keyList(undefined), []);
		assert.deepEqual(keyList(10377), ['10377']);
	});
});
