import { sleep } from 'n8n-workflow';

/**
 * Spaces request starts so that all concurrent workers together stay under a requests-per-second
 * cap, and lets one worker that was told to back off (429 Retry-After) hold back the others too:
 * without that, every worker would hit the limit in turn (a "429 storm").
 */
export class RequestPacer {
	private nextSlot = 0;

	constructor(private readonly requestsPerSecond = 0) {}

	/** Resolves when this caller may send its request. */
	async wait(): Promise<void> {
		const now = Date.now();
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + (this.requestsPerSecond > 0 ? 1000 / this.requestsPerSecond : 0);
		if (slot > now) await sleep(slot - now);
	}

	/** No request starts before `time` (epoch ms). */
	holdUntil(time: number) {
		this.nextSlot = Math.max(this.nextSlot, time);
	}
}
