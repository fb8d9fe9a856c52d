/**
 * What a person should act on, beyond the nights themselves: a published sync that did not run,
 * removals held for an approval, skipped records that grew, and history the digest could not
 * read. Each warning names what it is about and says what is wrong. Pure.
 */
import { GUARD_OPTION_NAMES } from '../../shared/guardOptions';
import type { ActiveSync } from './activeSyncs';
import { byName, plural, warningLabel } from './labels';
import type { Night } from './readNights';
import { latestOfEachWorkflow } from './sortNights';
import { DAY_MS, dayText, timeText } from './times';

export interface Warning {
	/** What it is about, e.g. "Ängsskolan (Learnifier)". */
	about: string;
	text: string;
}

export interface WarningInput {
	/** Every night read, oldest first. */
	nights: readonly Night[];
	/** The nights since Since. */
	recent: readonly Night[];
	since: Date;
	/** The published sync workflows; empty when they were not given. */
	activeSyncs: readonly ActiveSync[];
	/** Skipped records are compared with the latest night at least this many days older. */
	compareDays: number;
	timeZone: string;
}

function nightsByWorkflow(nights: readonly Night[]): Map<string, Night[]> {
	const byWorkflow = new Map<string, Night[]>();
	for (const night of nights) {
		const list = byWorkflow.get(night.workflowId) ?? [];
		list.push(night);
		byWorkflow.set(night.workflowId, list);
	}
	return byWorkflow;
}

/** Published syncs with no night since Since. */
export function notRunWarnings(input: WarningInput): Warning[] {
	const ran = new Set(input.recent.map((night) => night.workflowId));
	const byWorkflow = nightsByWorkflow(input.nights);
	return input.activeSyncs
		.filter((sync) => !ran.has(sync.id))
		.map((sync) => {
			const earlier = byWorkflow.get(sync.id) ?? [];
			const last = earlier[earlier.length - 1];
			const customer = [...earlier].reverse().find((night) => night.customer)?.customer;
			return {
				about: customer ? `${customer} (${sync.name})` : sync.name,
				text: `active, but did not run since ${timeText(last?.startedAt ?? input.since, input.timeZone)}`,
			};
		});
}

/** Workflows whose latest night held removals back: they wait for someone to approve them. */
export function heldWarnings(input: WarningInput): Warning[] {
	const byWorkflow = nightsByWorkflow(input.nights);
	return latestOfEachWorkflow(input.nights)
		.filter((night) => night.outcome === 'held')
		.map((latest) => {
			const nights = byWorkflow.get(latest.workflowId) ?? [latest];
			let first = nights.indexOf(latest);
			while (first > 0 && nights[first - 1].outcome === 'held') first--;
			const removals = latest.held > 0 ? plural(latest.held, 'removal') : 'removals';
			const approve = latest.heldCode
				? `enter code ${latest.heldCode} in "${GUARD_OPTION_NAMES.approveHeldRemovals}"`
				: `the code is in the night's summary`;
			return {
				about: warningLabel(latest),
				text: `${removals} held since ${dayText(nights[first].startedAt, input.timeZone)}, waiting for an approval: ${approve}`,
			};
		});
}

/**
 * Skipped records that grew, by reason: each workflow's latest night since Since against its
 * latest night at least `compareDays` older. A workflow without such a night is not compared.
 */
export function skippedGrowthWarnings(input: WarningInput): Warning[] {
	const byWorkflow = nightsByWorkflow(input.nights);
	const sinceWhen = (reference: Night) =>
		input.compareDays === 7 ? 'last week' : dayText(reference.startedAt, input.timeZone);
	return latestOfEachWorkflow(input.recent).flatMap((latest) => {
		const before = latest.startedAt.getTime() - input.compareDays * DAY_MS;
		const reference = (byWorkflow.get(latest.workflowId) ?? [])
			.filter((night) => night.startedAt.getTime() <= before)
			.pop();
		if (!reference) return [];
		return Object.entries(latest.skippedReasons)
			.map(([reason, count]) => ({
				reason,
				count,
				grew: count - (reference.skippedReasons[reason] ?? 0),
			}))
			.filter(({ grew }) => grew > 0)
			.sort((a, b) => b.grew - a.grew)
			.map(({ reason, count, grew }) => ({
				about: warningLabel(latest),
				text: `${count} skipped — ${reason}, +${grew} since ${sinceWhen(reference)}`,
			}));
	});
}

/** What the digest could not read, so that a quiet mail is not mistaken for a good one. */
export function readingWarnings(unreadable: number, listErrors: readonly string[]): Warning[] {
	const warnings: Warning[] = [];
	if (unreadable > 0) {
		warnings.push({
			about: 'Sync history',
			text: `${plural(unreadable, 'item')} without a workflow, a start time or a known outcome, left out of this digest`,
		});
	}
	for (const error of listErrors) {
		warnings.push({
			about: 'Active Workflows',
			text: `the published workflows could not be listed, so syncs that did not run are not named: ${error}`,
		});
	}
	return warnings;
}

const byAbout = (a: Warning, b: Warning) => byName(a.about, b.about);

/** Every warning: syncs that did not run, held removals, skipped growth; each group by name. */
export function warningsOf(input: WarningInput): Warning[] {
	return [
		...notRunWarnings(input).sort(byAbout),
		...heldWarnings(input).sort(byAbout),
		...skippedGrowthWarnings(input).sort(byAbout),
	];
}
