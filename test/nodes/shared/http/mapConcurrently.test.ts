import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { mapConcurrently } from '../../../../nodes/shared/http/mapConcurrently';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapConcurrently', () => {
	it('returns results in input order, whatever order they finish in', async () => {
		const delays = [30, 5, 20, 1, 10];
		const result = await mapConcurrently(delays, 3, async (ms, index) => {
			await wait(ms);
			return `${index}:${ms}`;
		});
		assert.deepEqual(result, ['0:30', '1:5', '2:20', '3:1', '4:10']);
	});

	it('never has more than `concurrency` workers in flight, and uses them all', async () => {
		let inFlight = 0;
		let most = 0;
		await mapConcurrently(
			Array.from({ length: 20 }, (_, i) => i),
			4,
			async () => {
				most = Math.max(most, ++inFlight);
				await wait(2);
				inFlight--;
			},
		);
		assert.equal(most, 4);
	});

	it('handles no items and a nonsense concurrency', async () => {
		assert.deepEqual(await mapConcurrently([], 4, async () => 1), []);
		assert.deepEqual(await mapConcurrently([1, 2], 0, async (x) => x * 2), [2, 4]);
	});
});
