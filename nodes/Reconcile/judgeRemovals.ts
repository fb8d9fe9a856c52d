/**
 * What the deletion guard says of tonight's deletes, by the admin's policy: the shared decision
 * (nodes/shared/removalVerdict.ts) asked in Reconcile's terms. Pure.
 */
import { judgeRemovals as judge, type RemovalVerdict } from '../shared/removalVerdict';
import type { ChangePlan } from './planChanges';
import type { ReconcileSettings } from './readSettings';
import { guardViolation, type RunCounts } from './stopOnMassDeletion';

export type { RemovalVerdict };

export function judgeRemovals(
	plan: ChangePlan,
	counts: RunCounts,
	settings: ReconcileSettings,
): RemovalVerdict {
	return judge({
		removals: plan.delete.map(({ key }) => key),
		violation: (count) => guardViolation(plan, counts, settings, count),
		policy: settings.whenOverLimit,
		entered: settings.approveHeldRemovals,
		heldBefore: settings.heldEarlier,
		targetCount: counts.target - plan.ignoredTargets - plan.alreadyRemoved,
		noun: 'removals',
	});
}
