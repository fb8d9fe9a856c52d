import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { findDeletionGuardViolation } from '../shared/deletionGuard';
import { stoppedOutcome, withOutcome } from '../shared/syncOutcome';
import { OPTION_NAMES } from './parameters';
import type { ChangePlan } from './planChanges';
import type { ReconcileSettings } from './readSettings';
import { OUTPUT_NAMES } from './toOutputItems';

function howToAllow(sourceIsEmpty: boolean) {
	const allow = `turn on "${OPTION_NAMES.allowMassDeletion}" under Options of this Reconcile node`;
	if (sourceIsEmpty) return `If the source really is empty now, ${allow}.`;
	return (
		`If these deletions are intended, raise "${OPTION_NAMES.maxDeletions}" or ` +
		`"${OPTION_NAMES.maxDeletionPercent}", or ${allow}.`
	);
}

/**
 * Stops a plan that deletes more than the limits allow: no change reaches the next nodes.
 * Normally it throws, which stops the run. With "Report a Guard Stop to Sync Summary", or when the
 * node is set to continue on error (n8n would turn a thrown error into the source items on the
 * first output, Create), it returns the outputs to use instead: nothing to create, update, delete
 * or leave, and a "stopped" outcome on Skipped, which makes Sync Summary fail the night.
 * Returns undefined when the plan is within the limits.
 */
export interface RunCounts {
	source: number;
	target: number;
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

export function stopOnMassDeletion(
	context: IExecuteFunctions,
	plan: ChangePlan,
	counts: RunCounts,
	settings: ReconcileSettings,
): INodeExecutionData[][] | undefined {
	const violation = guardViolation(plan, counts, settings);
	if (violation === undefined) return undefined;
	const planned = `Planned: ${plan.delete.length} to delete, ${plan.create.length} to create, ${plan.update.length} to update. Nothing was passed on to the next nodes.`;
	if (!settings.reportGuardStop && !context.continueOnFail()) {
		throw new NodeOperationError(context.getNode(), violation, { description: planned });
	}
	const heldBack = plan.delete.map(({ target }) => ({ item: target, input: 1 }));
	const outputs: INodeExecutionData[][] = OUTPUT_NAMES.map(() => []);
	const json = withOutcome({ description: planned }, stoppedOutcome(`${violation} ${planned}`));
	outputs[OUTPUT_NAMES.indexOf('Skipped')] = [{ json, pairedItem: heldBack }];
	return outputs;
}
