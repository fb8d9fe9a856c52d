/**
 * Fault switches every simulator understands. With all of them off (the default) a simulator
 * answers perfectly; tests turn on exactly the misbehaviour they are about.
 */
import { seededRandom, type Random } from './random';

export type RetryAfterForm = 'seconds' | 'date';

export interface FaultSettings {
	/** Added to every answer, in milliseconds. */
	latencyMs: number;
	/** Delay before the first byte of the answer (headers), in milliseconds, after the work is done. */
	slowFirstByteMs: number;
	/** Requests allowed per second (a fixed one-second window); more get 429 with Retry-After. 0 = off. */
	rateLimitPerSecond: number;
	/** Share (0..1) of requests answered with a random status from `errorStatuses` instead of being served. */
	errorShare: number;
	/** Statuses used for `errorShare`, e.g. [500, 502, 503] or [429]. */
	errorStatuses: number[];
	/** How 429 answers give Retry-After. */
	retryAfterForm: RetryAfterForm;
	/** Seconds announced in Retry-After for injected 429s. */
	retryAfterSeconds: number;
	/** Share (0..1) of requests whose connection is dropped without an answer. */
	dropShare: number;
	/** 'after' = the request is carried out, then the answer is lost; 'before' = nothing happens. */
	dropWhen: 'before' | 'after';
	/** Seed for the fault dice, so a faulty run is repeatable. */
	seed: number;
}

export const NO_FAULTS: FaultSettings = {
	latencyMs: 0,
	slowFirstByteMs: 0,
	rateLimitPerSecond: 0,
	errorShare: 0,
	errorStatuses: [500, 502, 503],
	retryAfterForm: 'seconds',
	retryAfterSeconds: 1,
	dropShare: 0,
	dropWhen: 'after',
	seed: 1,
};

export type FaultDecision =
	| { kind: 'serve' }
	| { kind: 'error'; status: number; headers: Record<string, string> }
	| { kind: 'drop'; when: 'before' | 'after' };

export class FaultInjector {
	private settings: FaultSettings = { ...NO_FAULTS };
	private random: Random = seededRandom(NO_FAULTS.seed);
	private windowStart = 0;
	private windowCount = 0;

	get current(): FaultSettings {
		return { ...this.settings };
	}

	set(changes: Partial<FaultSettings>) {
		this.settings = { ...this.settings, ...changes };
		this.random = seededRandom(this.settings.seed);
		this.windowStart = 0;
		this.windowCount = 0;
	}

	reset() {
		this.set(NO_FAULTS);
	}

	/** A service that changes its limit in the middle of a run: the dice and the window go on. */
	changeRateLimit(perSecond: number) {
		this.settings = { ...this.settings, rateLimitPerSecond: perSecond };
	}

	/** Decides what happens to one incoming request. */
	decide(now = Date.now()): FaultDecision {
		const s = this.settings;
		if (s.rateLimitPerSecond > 0) {
			if (now - this.windowStart >= 1000) {
				this.windowStart = now;
				this.windowCount = 0;
			}
			this.windowCount++;
			if (this.windowCount > s.rateLimitPerSecond) {
				const waitMs = this.windowStart + 1000 - now;
				return {
					kind: 'error',
					status: 429,
					headers: this.retryAfter(Math.max(1, Math.ceil(waitMs / 1000)), now),
				};
			}
		}
		if (s.dropShare > 0 && this.random() < s.dropShare) return { kind: 'drop', when: s.dropWhen };
		if (s.errorShare > 0 && this.random() < s.errorShare) {
			const status = s.errorStatuses[Math.floor(this.random() * s.errorStatuses.length)];
			return {
				kind: 'error',
				status,
				headers: status === 429 ? this.retryAfter(s.retryAfterSeconds, now) : {},
			};
		}
		return { kind: 'serve' };
	}

	private retryAfter(seconds: number, now: number): Record<string, string> {
		const value =
			this.settings.retryAfterForm === 'date'
				? new Date(now + seconds * 1000).toUTCString()
				: String(seconds);
		return { 'Retry-After': value };
	}
}
