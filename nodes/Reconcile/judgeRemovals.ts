/**
 * What the deletion guard says of tonight's deletes, by the admin's policy: the shared decision
 * (nodes/shared/removalVerdict.ts) asked in Reconcile's terms. Pure. The guard is evaluated here
 * only: a stop verdict carries its reason to stopOnMassDeletion.
 */
import { findDeletionGuardViolation } from '../shared/deletionGuard';
import { judgeRemovals as judge, type RemovalVerdict } from '../shared/removalVerdict';
import { RECONCILE_OPTION_NAMES } from './parameters';
import type { ChangePlan } from './planChanges';
import type { ReconcileSettings } from './readSettings';

export type { RemovalVerdict };

export interface RunCounts {
	source: number;
	target: number;
}

function howToAllow(sourceIsEmpty: boolean) {
	const allow = `turn on "${RECONCILE_OPTION_NAMES.allowMassDeletion}" under Options of this Reconcile node`;
	if (sourceIsEmpty) return `If the source really is empty now, ${allow}.`;
	return (
		`If these deletions are intended, raise "${RECONCILE_OPTION_NAMES.maxDeletions}" or ` +
		`"${RECONCILE_OPTION_NAMES.maxDeletionPercent}", or ${allow}.`
	);
}

/** Why the plan removes more than the limits allow, or undefined when it does not. */
export function guardViolation(
	plan: ChangePlan,
	counts: RunCounts,
	settings: ReconcileSettings,
	deletions = plan.delete.length,
): string | undefined {
	if (settings.allowMassDeletion) return undefined;
	return findDeletionGuardViolation(
		{
			deletions,
			sourceCount: counts.source,
			targetCount: counts.target - plan.ignoredTargets - plan.alreadyRemoved,
		},
		settings.deletionLimits,
		howToAllow(counts.source === 0),
	);
}

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
