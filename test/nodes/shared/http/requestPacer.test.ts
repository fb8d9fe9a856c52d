import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { RequestPacer } from '../../../../nodes/shared/http/requestPacer';

describe('RequestPacer', () => {
	it('without a cap, nobody waits', async () => {
		const pacer = new RequestPacer(0);
		// Waits that never sleep all settle before the earliest timer fires, however busy the machine.
		const first = await Promise.race([
			Promise.all(Array.from({ length: 50 }, () => pacer.wait())).then(() => 'all went'),
			new Promise((settle) => setTimeout(() => settle('a timer fired first'), 0)),
		]);
		assert.equal(first, 'all went');
	});

	it('spaces request starts of concurrent callers at 1/rate', async () => {
		const pacer = new RequestPacer(50); // one every 20 ms
		const started = Date.now();
		const starts = await Promise.all(
			Array.from({ length: 6 }, async () => (await pacer.wait(), Date.now() - started)),
		);
		starts.sort((a, b) => a - b);
		assert.ok(starts[5] >= 95, `sixth start after ${starts[5]} ms`);
	});

	it('holdUntil holds back every caller (after a 429)', async () => {
		const pacer = new RequestPacer(0);
		pacer.holdUntil(Date.now() + 60);
		const started = Date.now();
		await Promise.all([pacer.wait(), pacer.wait()]);
		assert.ok(Date.now() - started >= 55);
	});

	it('a learning pacer starts at its start rate and is slowed down by the 429s it is told about', () => {
		const pacer = RequestPacer.learning({ start: 20, ceiling: 20 });
		assert.equal(pacer.rate, 20);
		for (let i = 0; i < 20; i++) pacer.report(i % 2 ? 'rateLimited' : 'clean', 1000, 1100);
		assert.ok(pacer.rate < 20 && pacer.rate >= 5, `rate ${pacer.rate}`);
	});

	it('a learning pacer spaces requests at the rate it has learned', async () => {
		const pacer = RequestPacer.learning({ start: 50, ceiling: 50 });
		const starts = await Promise.all(
			Array.from({ length: 6 }, async () => (await pacer.wait(), Date.now())),
		);
		starts.sort((a, b) => a - b);
		assert.ok(starts[5] - starts[0] >= 95, `spacing ${starts[5] - starts[0]} ms`);
	});

	it('a fixed pacer ignores reports', () => {
		const pacer = new RequestPacer(10);
		for (let i = 0; i < 50; i++) pacer.report('rateLimited', i, i);
		assert.equal(pacer.rate, 10);
	});
});
