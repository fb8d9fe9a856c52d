import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	answeredRetryDelayMs,
	DEFAULT_RETRY_POLICY,
	HOLD_ALL_FROM_MS,
	PROMPT_JITTER_MS,
	PROMPT_RETRIES,
	promptRetryDelayMs,
	isRetryableStatus,
	parseRetryAfter,
	retryDelayMs,
} from '../../../../nodes/shared/http/retryPolicy';

const policy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 10_000 };

describe('retryPolicy', () => {
	it('retries 429, 502, 503, 504 and nothing else', () => {
		assert.deepEqual([429, 502, 503, 504].map(isRetryableStatus), [true, true, true, true]);
		assert.deepEqual(
			[400, 401, 403, 404, 409, 500, 501].map(isRetryableStatus),
			Array(7).fill(false),
		);
	});

	it('parses Retry-After in seconds', () => {
		assert.equal(parseRetryAfter('3'), 3000);
		assert.equal(parseRetryAfter(['2']), 2000);
		assert.equal(parseRetryAfter(' 1.5 '), 1500);
	});

	it('parses Retry-After as an HTTP date, relative to now, never negative', () => {
		const now = Date.parse('Tue, 03 Nov 2026 10:00:00 GMT');
		assert.equal(parseRetryAfter('Tue, 03 Nov 2026 10:00:05 GMT', now), 5000);
		assert.equal(parseRetryAfter('Tue, 03 Nov 2026 09:59:00 GMT', now), 0);
	});

	it('ignores a missing or unreadable Retry-After', () => {
		assert.equal(parseRetryAfter(undefined), undefined);
		assert.equal(parseRetryAfter(''), undefined);
		assert.equal(parseRetryAfter('soon'), undefined);
	});

	it('full jitter: a wait between 0 and base·2^(attempt-1), capped', () => {
		assert.equal(
			retryDelayMs(1, policy, undefined, () => 0),
			0,
		);
		assert.equal(
			retryDelayMs(1, policy, undefined, () => 0.999),
			499,
		);
		assert.equal(
			retryDelayMs(3, policy, undefined, () => 0.5),
			1000,
		);
		assert.equal(
			retryDelayMs(20, policy, undefined, () => 0.999),
			9990,
		);
	});

	it('Retry-After wins over backoff, plus a little jitter, and the cap holds', () => {
		assert.equal(
			retryDelayMs(1, policy, 2000, () => 0),
			2000,
		);
		assert.equal(
			retryDelayMs(1, policy, 2000, () => 0.5),
			2250,
		);
		assert.equal(
			retryDelayMs(1, policy, 60_000, () => 0),
			10_000,
		);
	});

	it('the default policy tries 6 times and waits at most 30 s', () => {
		assert.deepEqual(DEFAULT_RETRY_POLICY, {
			maxAttempts: 6,
			baseDelayMs: 500,
			maxDelayMs: 30_000,
		});
	});

	it('brief failures are retried promptly, after a short random wait, then back off', () => {
		for (let attempt = 1; attempt <= PROMPT_RETRIES; attempt++) {
			assert.equal(
				promptRetryDelayMs(attempt, policy, () => 0),
				0,
			);
			assert.equal(
				promptRetryDelayMs(attempt, policy, () => 0.999),
				PROMPT_JITTER_MS - 1,
			);
		}
		assert.ok(PROMPT_JITTER_MS <= 250);
		assert.equal(
			promptRetryDelayMs(PROMPT_RETRIES + 3, policy, () => 0.999),
			retryDelayMs(3, policy, undefined, () => 0.999),
		);
	});

	it('an answered retry waits Retry-After plus a little jitter, capped, or else retries promptly', () => {
		assert.equal(
			answeredRetryDelayMs(1, policy, 1000, () => 0.5),
			1000 + PROMPT_JITTER_MS / 2,
		);
		assert.equal(
			answeredRetryDelayMs(1, policy, 60_000, () => 0),
			10_000,
		);
		assert.equal(
			answeredRetryDelayMs(1, policy, undefined, () => 0.5),
			promptRetryDelayMs(1, policy, () => 0.5),
		);
		assert.ok(HOLD_ALL_FROM_MS > 1000, 'a one-second window does not pause everyone');
	});
});
