import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { stoppedOutcome, withOutcome } from '../shared/syncOutcome';
import { byOutput } from './outputs';
import type { ChangePlan } from './planChanges';

/**
 * Stops a plan that deletes more than the limits allow (`violation`, the guard's reason from
 * judgeRemovals): no change reaches the next nodes. Normally it throws, which stops the run. With
 * "Report a Guard Stop to Sync Summary" (`reportGuardStop`), or when the node is set to continue
 * on error (n8n would turn a thrown error into the source items on the first output, Create), it
 * returns the outputs to use instead: nothing to create, update, delete or leave, and a "stopped"
 * outcome on Skipped, which makes Sync Summary fail the night.
 */
export function stopOnMassDeletion(
	context: IExecuteFunctions,
	plan: ChangePlan,
	violation: string,
	reportGuardStop: boolean,
): INodeExecutionData[][] {
	const planned = `Planned: ${plan.delete.length} to delete, ${plan.create.length} to create, ${plan.update.length} to update. Nothing was passed on to the next nodes.`;
	if (!reportGuardStop && !context.continueOnFail()) {
		throw new NodeOperationError(context.getNode(), violation, { description: planned });
	}
	const heldBack = plan.delete.map(({ target }) => ({ item: target, input: 1 }));
	const json = withOutcome({ description: planned }, stoppedOutcome(`${violation} ${planned}`));
	return byOutput({ Skipped: [{ json, pairedItem: heldBack }] });
}
