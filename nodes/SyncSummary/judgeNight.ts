/**
 * Whether a night failed, by the rule the admin chose in "Fail the Execution When". A night a
 * deletion guard stopped, or that a target refused as a whole, failed under every rule but
 * "Never". Records the source could not complete (skipped) never count against a night. Pure.
 */
import type { RunSummary } from '../shared/summarizeOutcomes';

export const FAIL_RULES = ['refusedOrShare', 'refused', 'anyFailed', 'never'] as const;

export type FailRule = (typeof FAIL_RULES)[number];

export interface FailPolicy {
	when: FailRule;
	/** For 'refusedOrShare': the night fails when more than this share of writes failed. */
	maxFailedPercent: number;
}

const percentText = (value: number) => `${value.toFixed(1)} %`;

function whyItFailed(summary: RunSummary, policy: FailPolicy): string | undefined {
	// A preview wrote nothing, so there is nothing to warn about: what it found is in the summary.
	if (policy.when === 'never' || summary.preview) return undefined;
	if (summary.stopped.length > 0)
		return `it was stopped before anything was written: ${summary.stopped[0]}`;
	if (summary.held.length > 0)
		return `the removals were held, the creates and updates were applied: ${summary.heldBecause}`;
	if (summary.refused.length > 0)
		return `a target refused the work as a whole: ${summary.refused[0]}`;
	const failed = summary.counts.failed ?? 0;
	if (failed === 0 || policy.when === 'refused') return undefined;
	const share = summary.writes === 0 ? 100 : (failed / summary.writes) * 100;
	const ofWrites = `${failed.toLocaleString('en-US')} of ${summary.writes.toLocaleString('en-US')} writes failed`;
	if (policy.when === 'anyFailed') return ofWrites;
	if (share <= policy.maxFailedPercent) return undefined;
	return `${ofWrites} (${percentText(share)}, more than the ${policy.maxFailedPercent} % allowed)`;
}

/** The error an execution fails with, or undefined when the night passed. */
export function judgeNight(summary: RunSummary, policy: FailPolicy): string | undefined {
	const why = whyItFailed(summary, policy);
	return why === undefined ? undefined : `Night failed (${summary.summary}): ${why}`;
}
