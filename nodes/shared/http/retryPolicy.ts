/**
 * When to retry a request and how long to wait: pure decisions, no I/O, so they are tested alone.
 * Full-jitter exponential backoff (a random wait between 0 and base·2^attempt, capped) spreads
 * retries of many concurrent items; a server's Retry-After wins over our own guess.
 */
export interface RetryPolicy {
	/** Total tries per request, the first one included. */
	maxAttempts: number;
	/** Backoff base, in milliseconds. */
	baseDelayMs: number;
	/** No single wait is longer than this (also caps Retry-After), in milliseconds. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 6,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
};

/** Rate limiting, and gateway errors that mean "try again shortly". Other 4xx never change on retry. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export function isRetryableStatus(statusCode: number): boolean {
	return RETRYABLE_STATUSES.has(statusCode);
}

/** Retry-After as milliseconds from `now`: either delta-seconds or an HTTP date. */
export function parseRetryAfter(
	value: string | string[] | undefined,
	now = Date.now(),
): number | undefined {
	const text = (Array.isArray(value) ? value[0] : value)?.trim();
	if (!text) return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/**
 * How long to wait before try number `attempt + 1` (attempt counts from 1).
 * With a Retry-After the wait is at least that long, plus a little jitter so that waiting
 * workers do not all return in the same millisecond.
 */
export function retryDelayMs(
	attempt: number,
	policy: RetryPolicy,
	retryAfterMs?: number,
	random: () => number = Math.random,
): number {
	if (retryAfterMs !== undefined) {
		return Math.min(policy.maxDelayMs, retryAfterMs + Math.floor(random() * policy.baseDelayMs));
	}
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.floor(random() * ceiling);
}
