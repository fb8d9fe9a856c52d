/**
 * Which nights the digest tells about, and in which order: the nights since the last digest that
 * need a look (red ones first, then held ones), and each workflow whose latest night went through.
 * Pure.
 */
import type { NightOutcome } from '../../shared/syncHistory';
import { byName, nightLabel } from './labels';
import type { Night } from './readNights';

export interface NightSections {
	/** The nights that ended after Since, oldest first. */
	recent: Night[];
	/** Failed, refused and stopped nights, then held ones; each oldest first. */
	needsALook: Night[];
	/** The latest recent night of each workflow, where it went through. */
	wentThrough: Night[];
}

export const RED_OUTCOMES: readonly NightOutcome[] = ['failed', 'refused', 'stopped'];

/** The latest night of each workflow (by start), in the order `nights` first names them. */
export function latestOfEachWorkflow(nights: readonly Night[]): Night[] {
	const latest = new Map<string, Night>();
	for (const night of nights) {
		const known = latest.get(night.workflowId);
		if (!known || night.startedAt.getTime() >= known.startedAt.getTime()) {
			latest.set(night.workflowId, night);
		}
	}
	return [...latest.values()];
}

const byStart = (a: Night, b: Night) => a.startedAt.getTime() - b.startedAt.getTime();

/** `nights` in any order; Since is exclusive. */
export function sortNights(nights: readonly Night[], since: Date): NightSections {
	const recent = nights.filter((night) => night.endedAt.getTime() > since.getTime()).sort(byStart);
	const red = recent.filter((night) => RED_OUTCOMES.includes(night.outcome));
	const held = recent.filter((night) => night.outcome === 'held');
	const wentThrough = latestOfEachWorkflow(recent)
		.filter((night) => night.outcome === 'ok')
		.sort((a, b) => byName(nightLabel(a), nightLabel(b)));
	return { recent, needsALook: [...red, ...held], wentThrough };
}
