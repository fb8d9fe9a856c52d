/**
 * What kind of night a summary tells of, for the history: one word and the first reason. It does
 * not depend on Sync Summary's "Fail the Execution When": a night with failed writes is "failed"
 * here even when the admin lets a few failures pass, so the digest still shows them. Pure.
 */
import type { NightOutcome } from '../shared/syncHistory';
import type { RunSummary } from '../shared/summarizeOutcomes';

export function nightOutcome(summary: RunSummary): { outcome: NightOutcome; reason: string } {
	// A preview wrote nothing: what it would do is in its summary line.
	if (summary.preview) return { outcome: 'ok', reason: '' };
	if (summary.stopped.length > 0) return { outcome: 'stopped', reason: summary.stopped[0] };
	if (summary.refused.length > 0) return { outcome: 'refused', reason: summary.refused[0] };
	if (summary.held.length > 0) return { outcome: 'held', reason: summary.heldBecause ?? '' };
	if ((summary.counts.failed ?? 0) > 0) return { outcome: 'failed', reason: summary.failed[0] };
	return { outcome: 'ok', reason: '' };
}
