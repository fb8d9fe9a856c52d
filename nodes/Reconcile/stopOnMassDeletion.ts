import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { findDeletionGuardViolation } from '../shared/deletionGuard';
import { OPTION_NAMES } from './parameters';
import type { ChangePlan } from './planChanges';
import type { ReconcileSettings } from './readSettings';

function howToAllow(sourceIsEmpty: boolean) {
	const allow = `turn on "${OPTION_NAMES.allowMassDeletion}" under Options of this Reconcile node`;
	if (sourceIsEmpty) return `If the source really is empty now, ${allow}.`;
	return (
		`If these deletions are intended, raise "${OPTION_NAMES.maxDeletions}" or ` +
		`"${OPTION_NAMES.maxDeletionPercent}", or ${allow}.`
	);
}

/**
 * Throws when the plan deletes more than the limits allow. It throws even when the node is set
 * to continue on fail: continuing would hand the deletions to the next node, which is exactly
 * what the guard exists to prevent.
 */
export function stopOnMassDeletion(
	context: IExecuteFunctions,
	plan: ChangePlan,
	counts: { source: number; target: number },
	settings: ReconcileSettings,
): void {
	if (settings.allowMassDeletion) return;
	const violation = findDeletionGuardViolation(
		{ deletions: plan.delete.length, sourceCount: counts.source, targetCount: counts.target - plan.ignoredTargets },
		settings.deletionLimits,
		howToAllow(counts.source === 0),
	);
	if (violation !== undefined) {
		throw new NodeOperationError(context.getNode(), violation, {
			description: `Planned: ${plan.delete.length} to delete, ${plan.create.length} to create, ${plan.update.length} to update. Nothing was passed on to the next nodes.`,
		});
	}
}
