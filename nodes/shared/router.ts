/**
 * The one router every resource/operation node uses: it finds the chosen operation, runs it once
 * for all input items, and shapes what it throws the way n8n shows errors.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { failedOutcome, withOutcome } from './syncOutcome';

/** What every `actions/<resource>/<operation>.operation.ts` exports. */
export interface Operation {
	description: INodeProperties[];
	/** Returns one list of items per output of the node. */
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
}

/** Resource value → operation value → its module. */
export type OperationsByResource = Record<string, Record<string, Operation>>;

/** Our own errors as they are; anything else wrapped, so n8n shows it like the others. */
function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error);
}

/**
 * Under Continue On Fail, a run that failed as a whole (its credential refused, say) failed every
 * item it was given: one failed outcome each, refused as a whole, so that Sync Summary counts as
 * many failed writes as there were records, not one.
 */
function everyItemFailed(
	context: IExecuteFunctions,
	error: NodeApiError | NodeOperationError,
): INodeExecutionData[] {
	const count = Math.max(1, context.getInputData().length);
	const details: IDataObject = error.description ? { details: error.description } : {};
	return Array.from({ length: count }, (_, itemIndex) => ({
		json: withOutcome(details, failedOutcome({ itemIndex }, error.message, true)),
		pairedItem: { item: itemIndex },
	}));
}

export async function route(
	context: IExecuteFunctions,
	operations: OperationsByResource,
): Promise<INodeExecutionData[][]> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const chosen = operations[resource]?.[operation];
	if (!chosen) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	const outputCount = context.getNodeOutputs().length;
	try {
		const outputs = await chosen.execute.call(context);
		return Array.from({ length: outputCount }, (_, output) => outputs[output] ?? []);
	} catch (error) {
		// Item-level failures are handled by the operations; this is a failure of the whole run.
		if (!context.continueOnFail()) throw asNodeError(context.getNode(), error);
		const failed = everyItemFailed(context, asNodeError(context.getNode(), error));
		return Array.from({ length: outputCount }, (_, output) => (output === 0 ? failed : []));
	}
}
