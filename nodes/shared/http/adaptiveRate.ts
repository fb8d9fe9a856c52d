/**
 * Learns the request rate a service allows while a run goes on: additive increase while answers
 * come back clean, multiplicative decrease when it answers 429. Pure arithmetic on the outcomes it
 * is told about (no I/O, no timers), so it is tested alone; RequestPacer applies the rate.
 *
 * Outcomes are judged in rounds of about one second of answers. A round only counts answers to
 * requests sent at the current rate: answers to requests sent before the last change say nothing
 * about the new rate, so one burst of 429s lowers the rate once, not once per answer.
 *
 * Some services refuse a share of requests whatever the rate (a "background" of 429s). Lowering
 * the rate does not lower that share, so the share seen right after a decrease is taken as the
 * background, and only 429s clearly above it lower the rate again.
 */
export type RateOutcome = 'clean' | 'rateLimited' | 'failed';

export interface AdaptiveRateSettings {
	/** Requests per second to begin with. */
	start: number;
	/** Never faster than this, in requests per second. */
	ceiling: number;
	/** Never slower than this, in requests per second (default 0.5). */
	floor?: number;
}

/** How the rate moves; every figure is a share or a factor of the rate unless it says otherwise. */
const TUNING = {
	/**
	 * Answers per round: at least this many, and about one second's worth at the current rate; the
	 * round after a decrease, which decides what the background is, at least twice as many.
	 */
	minRoundAnswers: 10,
	minAnswersAfterCut: 20,
	/** Until the first decrease the rate grows this much per clean round (a gentle start that speeds up). */
	startupGrowth: 1.5,
	/**
	 * After a decrease the rate climbs back quickly towards just under the rate that was too fast
	 * (halfway per round, at most 25 %), then slowly: 2 % of the rate, or 0.1 requests/s, per clean round.
	 */
	returnTo: 0.9,
	maxGrowth: 1.25,
	probeShare: 0.02,
	minProbeStep: 0.1,
	/**
	 * After a decrease, answers to requests given a slot within this time (ms) are not judged:
	 * requests paced at the old rate are still arriving, and a service counting per second still
	 * counts them.
	 */
	settleMs: 1000,
	/**
	 * A decrease cuts the share of 429s above the background plus 5 %, so that the new rate lies
	 * under the limit, not on it; at most half the rate.
	 */
	cut: { margin: 0.05, max: 0.5 },
	/**
	 * A background below 10 %, or of fewer than three 429s, is taken as none (a little overshoot
	 * looks like that), and more than half is never taken as background (a service refusing most
	 * requests is full).
	 */
	background: { min: 0.1, min429s: 3, max: 0.5 },
};

export class AdaptiveRate {
	private current: number;
	private readonly ceiling: number;
	private readonly floor: number;
	/** Requests sent before this time (epoch ms) belong to an earlier round. */
	private roundStart = Number.NEGATIVE_INFINITY;
	private answers = 0;
	private limited = 0;
	/** The rate of the last round that had too many 429s; undefined before the first one. */
	private tooFast: number | undefined;
	/** The last decrease, while the round after it is being measured. */
	private lastCut: { from: number; capped: boolean; tooFastBefore: number | undefined } | undefined;
	/** Answers and 429s of the rounds right after a decrease: what remains at a lower rate. */
	private afterDecrease = { answers: 0, limited: 0 };

	constructor(settings: AdaptiveRateSettings) {
		this.ceiling = Math.max(settings.ceiling, 0.01);
		this.floor = Math.min(settings.floor ?? 0.5, this.ceiling);
		this.current = clamp(settings.start, this.floor, this.ceiling);
	}

	/** Requests per second allowed now. */
	get rate(): number {
		return this.current;
	}

	/** The share of 429s taken to come whatever the rate (0..1). */
	get backgroundShare(): number {
		const { answers, limited } = this.afterDecrease;
		if (limited < TUNING.background.min429s) return 0;
		const share = limited / answers;
		return share < TUNING.background.min ? 0 : Math.min(TUNING.background.max, share);
	}

	/** Feeds one answer (or lost answer) to a request sent at `sentAt` (epoch ms), judged at `now`. */
	report(outcome: RateOutcome, sentAt: number, now: number) {
		if (sentAt < this.roundStart) return;
		this.answers++;
		if (outcome === 'rateLimited') this.limited++;
		const least = this.lastCut ? TUNING.minAnswersAfterCut : TUNING.minRoundAnswers;
		if (this.answers >= Math.max(least, Math.ceil(this.current))) this.closeRound(now);
	}

	private closeRound(now: number) {
		const share = this.limited / this.answers;
		const cut = this.lastCut;
		this.lastCut = undefined;
		if (cut) {
			// Measured at the lowered rate: what is left is not caused by our rate.
			this.afterDecrease.answers += this.answers;
			this.afterDecrease.limited += this.limited;
		}
		const background = this.backgroundShare;
		const excess = share - background;
		if (cut && !cut.capped && background > 0 && share >= TUNING.background.min) {
			// The share did not fall with the rate: that cut was for nothing, so it is undone.
			this.current = cut.from;
			this.tooFast = cut.tooFastBefore;
		} else if (this.limited > 0 && excess > tolerance(background, this.answers)) {
			const cutShare = excess + TUNING.cut.margin;
			// Cuts in a row are one series: undoing it goes back to before its first cut.
			this.lastCut = {
				from: cut?.from ?? this.current,
				capped: cutShare > TUNING.cut.max || (cut?.capped ?? false),
				tooFastBefore: cut ? cut.tooFastBefore : this.tooFast,
			};
			this.tooFast = this.current;
			this.current *= 1 - Math.min(cutShare, TUNING.cut.max);
		} else {
			this.current = this.grown();
		}
		this.current = clamp(this.current, this.floor, this.ceiling);
		this.roundStart = this.lastCut ? now + TUNING.settleMs : now;
		this.answers = 0;
		this.limited = 0;
	}

	private grown(): number {
		if (this.tooFast === undefined) return this.current * TUNING.startupGrowth;
		const probe = this.current + Math.max(TUNING.minProbeStep, this.current * TUNING.probeShare);
		const halfway = (this.current + this.tooFast * TUNING.returnTo) / 2;
		return Math.max(probe, Math.min(halfway, this.current * TUNING.maxGrowth));
	}
}

/** How far a round's 429 share may lie above the background by chance (four standard deviations). */
function tolerance(background: number, answers: number) {
	return 4 * Math.sqrt((background * (1 - background)) / answers);
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
