import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { RequestPacer } from '../../../../nodes/shared/http/requestPacer';

describe('RequestPacer', () => {
	it('without a cap, nobody waits', async () => {
		const pacer = new RequestPacer(0);
		const started = Date.now();
		await Promise.all(Array.from({ length: 50 }, () => pacer.wait()));
		assert.ok(Date.now() - started < 50);
	});

	it('spaces request starts of concurrent callers at 1/rate', async () => {
		const pacer = new RequestPacer(50); // one every 20 ms
		const started = Date.now();
		const starts = await Promise.all(
			Array.from({ length: 6 }, async () => (await pacer.wait(), Date.now() - started)),
		);
		starts.sort((a, b) => a - b);
		assert.ok(starts[5] >= 95, `sixth start after ${starts[5]} ms`);
		assert.ok(starts[5] < 250);
	});

	it('holdUntil holds back every caller (after a 429)', async () => {
		const pacer = new RequestPacer(0);
		pacer.holdUntil(Date.now() + 60);
		const started = Date.now();
		await Promise.all([pacer.wait(), pacer.wait()]);
		assert.ok(Date.now() - started >= 55);
	});
});
