import { sleep } from 'n8n-workflow';

import { AdaptiveRate, type AdaptiveRateSettings, type RateOutcome } from './adaptiveRate';

/**
 * Spaces request starts so that all concurrent workers together stay under a requests-per-second
 * cap, and lets one worker that was told to back off (a long Retry-After) hold back the others
 * too. A learning pacer (`RequestPacer.learning`) finds the cap itself from the answers it is
 * told about (`report`), so one pacer shared by all requests of a run drives the service at its
 * limit without a storm of 429s.
 */
export class RequestPacer {
	private nextSlot = 0;

	constructor(
		private readonly requestsPerSecond = 0,
		private readonly learner?: AdaptiveRate,
	) {}

	static learning(settings: AdaptiveRateSettings): RequestPacer {
		return new RequestPacer(0, new AdaptiveRate(settings));
	}

	/** Requests per second now; 0 = no spacing. */
	get rate(): number {
		return this.learner?.rate ?? this.requestsPerSecond;
	}

	/**
	 * Resolves when this caller may send its request. Returns when the slot was given (epoch ms),
	 * for `report`: a request spaced at an older rate says nothing about the current one.
	 */
	async wait(): Promise<number> {
		const now = Date.now();
		const slot = Math.max(now, this.nextSlot);
		const rate = this.rate;
		this.nextSlot = slot + (rate > 0 ? 1000 / rate : 0);
		if (slot > now) await sleep(slot - now);
		return now;
	}

	/** No request starts before `time` (epoch ms). */
	holdUntil(time: number) {
		this.nextSlot = Math.max(this.nextSlot, time);
	}

	/** What became of a request whose slot `wait` gave at `slotGiven`; a learning pacer adjusts its rate. */
	report(outcome: RateOutcome, slotGiven: number, now = Date.now()) {
		this.learner?.report(outcome, slotGiven, now);
	}
}
