/**
 * The one item loop: runs `work` for every input item with bounded concurrency, keeps the output in
 * input order with pairedItem, and applies Continue On Fail. Without Continue On Fail, the first
 * failure stops new items from starting and is thrown once the running ones have finished.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { mapConcurrently } from './http/mapConcurrently';
import { failedFromError, withOutcome } from './syncOutcome';

export type ItemWork = (itemIndex: number) => Promise<IDataObject | IDataObject[]>;

export interface ItemLoop {
	concurrency: number;
	/** How a failed item's outcome names the record the input item is about, where that is plain. */
	recordOf?: (input: IDataObject) => string | undefined;
}

/**
 * The error as n8n shows an item's error, with the item it is about. Our API errors (NodeApiError)
 * stay what they are, so a refusal of the work as a whole is still told apart (see syncOutcome).
 */
function asItemError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	if (
		error instanceof NodeOperationError ||
		(error as { itemIndex?: number })?.itemIndex !== undefined
	) {
		return error as NodeOperationError;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

export async function processItems(
	context: IExecuteFunctions,
	loop: ItemLoop,
	work: ItemWork,
): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const failures: Array<NodeApiError | NodeOperationError> = [];

	const perItem = await mapConcurrently(items, loop.concurrency, async (_, itemIndex) => {
		if (failures.length > 0) return [];
		try {
			const result = await work(itemIndex);
			return (Array.isArray(result) ? result : [result]).map(
				(json): INodeExecutionData => ({ json, pairedItem: { item: itemIndex } }),
			);
		} catch (caught) {
			const error = asItemError(context, caught, itemIndex);
			if (continueOnFail) {
				const record = loop.recordOf?.(items[itemIndex].json);
				const details: IDataObject = error.description ? { details: error.description } : {};
				const json = withOutcome(details, failedFromError({ itemIndex, record }, error));
				return [{ json, pairedItem: { item: itemIndex } }];
			}
			failures[itemIndex] = error;
			return [];
		}
	});
	const firstFailure = failures.find(Boolean);
	if (firstFailure) throw firstFailure;
	return perItem.flat();
}
