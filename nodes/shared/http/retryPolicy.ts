/**
 * When to retry a request and how long to wait: pure decisions, no I/O, so they are tested alone.
 * A brief failure (503, a lost answer) is retried promptly, after a short random wait; only when
 * it keeps failing do the waits grow (full-jitter exponential backoff, capped). A 429 waits as
 * long as the server's Retry-After asks: the pacer has already slowed everyone else down.
 */
export interface RetryPolicy {
	/** Total tries per request, the first one included. */
	maxAttempts: number;
	/**
	 * Total tries while the service keeps answering 429 (default: maxAttempts). A 429 means "not
	 * done, come back", so retrying it is always safe; a service that refuses a share of requests
	 * at random needs more tries than an outage deserves.
	 */
	maxAttemptsWhenRateLimited?: number;
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

/** The first retries after a brief failure come this soon; later ones back off exponentially. */
export const PROMPT_RETRIES = 3;
/** Prompt retries wait a random time up to this long, in milliseconds. */
export const PROMPT_JITTER_MS = 250;
/** A Retry-After at least this long pauses every request of the run, not only the refused one. */
export const HOLD_ALL_FROM_MS = 2000;

/** Wait before retrying after a 502, 503, 504 or a lost answer, before try `attempt + 1`. */
export function promptRetryDelayMs(
	attempt: number,
	policy: RetryPolicy,
	random: () => number = Math.random,
): number {
	if (attempt <= PROMPT_RETRIES) return Math.floor(random() * PROMPT_JITTER_MS);
	return retryDelayMs(attempt - PROMPT_RETRIES, policy, undefined, random);
}

/**
 * Wait before retrying a request the service answered with 429, 502, 503 or 504: its Retry-After
 * (capped) plus a little jitter, or without one a prompt retry.
 */
export function answeredRetryDelayMs(
	attempt: number,
	policy: RetryPolicy,
	retryAfterMs?: number,
	random: () => number = Math.random,
): number {
	if (retryAfterMs === undefined) return promptRetryDelayMs(attempt, policy, random);
	return Math.min(policy.maxDelayMs, retryAfterMs + Math.floor(random() * PROMPT_JITTER_MS));
}
