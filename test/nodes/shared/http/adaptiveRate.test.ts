import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { AdaptiveRate, type RateOutcome } from '../../../../nodes/shared/http/adaptiveRate';

/**
 * Plays `seconds` of a run at the controller's own rate against a service that refuses with 429
 * every request above `limit` per second (or a share of them at random), the way a fixed-window
 * limiter does, and returns the rate after each second and the 429 share of each second.
 */
function play(
	rate: AdaptiveRate,
	seconds: number,
	service: (second: number, indexInSecond: number, random: () => number) => RateOutcome,
) {
	let seed = 7;
	const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	const rates: number[] = [];
	const shares: number[] = [];
	let now = 0;
	for (let second = 0; second < seconds; second++) {
		let sent = 0;
		let limited = 0;
		const end = (second + 1) * 1000;
		while (now < end) {
			const outcome = service(second, sent++, random);
			if (outcome === 'rateLimited') limited++;
			rate.report(outcome, now, now + 5);
			now += 1000 / rate.rate;
		}
		rates.push(rate.rate);
		shares.push(limited / sent);
	}
	return { rates, shares };
}

const hardLimit =
	(limitOf: (second: number) => number) =>
	(second: number, index: number): RateOutcome =>
		index < limitOf(second) ? 'clean' : 'rateLimited';

const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('AdaptiveRate', () => {
	it('starts at the start rate and never leaves floor and ceiling', () => {
		const rate = new AdaptiveRate({ start: 40, ceiling: 25, floor: 2 });
		assert.equal(rate.rate, 25);
		for (let i = 0; i < 1000; i++) rate.report('rateLimited', i * 100, i * 100);
		assert.equal(rate.rate, 2);
		for (let i = 0; i < 10_000; i++) rate.report('clean', 1e6 + i * 10, 1e6 + i * 10);
		assert.equal(rate.rate, 25);
	});

	it('speeds up while answers come clean, from a gentle start', () => {
		const rate = new AdaptiveRate({ start: 4, ceiling: 50 });
		const { rates } = play(rate, 12, () => 'clean');
		assert.ok(rates[2] > 4, `after three seconds: ${rates[2]}`);
		assert.equal(rates[11], 50);
	});

	it('lowers the rate once per round: answers to requests sent before a decrease do not count', () => {
		const rate = new AdaptiveRate({ start: 20, ceiling: 20 });
		for (let i = 0; i < 20; i++) rate.report(i < 10 ? 'clean' : 'rateLimited', 0, 100);
		const lowered = rate.rate;
		assert.ok(lowered < 20);
		for (let i = 0; i < 100; i++) rate.report('rateLimited', 50, 200);
		assert.equal(rate.rate, lowered, 'late 429s to earlier requests changed nothing');
	});

	it('finds a hard limit it was not told, and then 429s become rare', () => {
		const rate = new AdaptiveRate({ start: 10, ceiling: 200 });
		const { rates, shares } = play(
			rate,
			60,
			hardLimit(() => 8),
		);
		assert.ok(shares[0] > 0.1, `first second: ${shares[0]}`);
		const later = shares.slice(5);
		assert.ok(average(later) < 0.05, `429 share after 5 s: ${average(later)}`);
		assert.ok(average(rates.slice(5)) > 7, `average rate ${average(rates.slice(5))}`);
		assert.ok(Math.max(...rates.slice(5)) < 10);
	});

	it('follows a limit that halves in the middle of the run', () => {
		const rate = new AdaptiveRate({ start: 25, ceiling: 25 });
		const { rates, shares } = play(
			rate,
			40,
			hardLimit((second) => (second < 20 ? 25 : 12)),
		);
		assert.ok(average(rates.slice(25)) > 10 && average(rates.slice(25)) < 13.5);
		assert.ok(average(shares.slice(25)) < 0.06, `429 share: ${average(shares.slice(25))}`);
	});

	it('429s that come whatever the rate (a background share) do not drag the rate down', () => {
		const rate = new AdaptiveRate({ start: 25, ceiling: 25 });
		const { rates } = play(rate, 60, (_s, _i, random) =>
			random() < 0.3 ? 'rateLimited' : 'clean',
		);
		assert.ok(average(rates.slice(5)) > 21, `average rate ${average(rates.slice(5))}`);
		assert.ok(rate.backgroundShare > 0.15, `background ${rate.backgroundShare}`);
	});

	it('503s and lost answers do not lower the rate', () => {
		const rate = new AdaptiveRate({ start: 25, ceiling: 25 });
		for (let i = 0; i < 500; i++) rate.report(i % 3 === 0 ? 'failed' : 'clean', i, i);
		assert.equal(rate.rate, 25);
	});
});
