/**
 * Runs one operation over all input items: bounded concurrency, one shared transport (pacing,
 * retries, counters) per execution, output in input order with pairedItem, and Continue On Fail.
 * Without Continue On Fail, the first failure stops new items from starting and is thrown.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { mapConcurrently } from '../../shared/http/mapConcurrently';
import { failedFromError, withOutcome } from '../../shared/syncOutcome';
import { describeUser } from '../helpers/describeUser';
import type { RequestStats } from '../../shared/http/sendWithRetry';
import { EmailHolders } from '../transport/emailHolders';
import { LearnifierTransport } from '../transport/learnifierTransport';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_RETRY_WAIT_SECONDS } from './user/sharedParameters';

export interface ItemTools {
	api: LearnifierTransport;
	emailHolders: EmailHolders;
}

export type ItemWork = (
	itemIndex: number,
	tools: ItemTools,
) => Promise<IDataObject | IDataObject[]>;

function asItemError(context: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (
		error instanceof NodeOperationError ||
		(error as { itemIndex?: number })?.itemIndex !== undefined
	) {
		return error as NodeOperationError;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * The person an item is about, where that is plain: Reconcile's items carry the matched `key`
 * (the external ID), and Update items hold the person under `source`. Error messages name the
 * user in every case.
 */
function recordOf(input: IDataObject): string | undefined {
	if (input.key === undefined || input.key === null) return undefined;
	const person = (input.source as IDataObject | undefined) ?? input;
	return describeUser({
		externalId: input.key,
		firstName: person.firstName,
		lastName: person.lastName,
	});
}

/** Tells the admin in the output pane when Learnifier pushed back, and that it was handled. */
function reportPushBack(context: IExecuteFunctions, stats: RequestStats) {
	if (stats.retries === 0) return;
	context.addExecutionHints({
		message:
			`Learnifier pushed back: ${stats.rateLimited} rate-limit answers (429), ${stats.serverErrors} temporary ` +
			`errors (5xx), ${stats.networkErrors} lost answers. ${stats.retries} requests were retried ` +
			`(${stats.requests} requests in all).`,
		type: 'info',
		location: 'outputPane',
	});
}

export async function processItems(
	context: IExecuteFunctions,
	work: ItemWork,
): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const option = <T>(name: string, fallback: T) =>
		context.getNodeParameter(`options.${name}`, 0, fallback) as T;
	const api = await LearnifierTransport.forExecution(context, {
		requestsPerSecond: option('requestsPerSecond', 0),
		maxRetryWaitSeconds: option('maxRetryWaitSeconds', DEFAULT_MAX_RETRY_WAIT_SECONDS),
	});
	const tools: ItemTools = { api, emailHolders: new EmailHolders(api) };
	const continueOnFail = context.continueOnFail();
	const failures: NodeOperationError[] = [];

	const perItem = await mapConcurrently(
		items,
		option('concurrency', DEFAULT_CONCURRENCY),
		async (_, itemIndex) => {
			if (failures.length > 0) return [];
			try {
				const result = await work(itemIndex, tools);
				return (Array.isArray(result) ? result : [result]).map(
					(json): INodeExecutionData => ({ json, pairedItem: { item: itemIndex } }),
				);
			} catch (caught) {
				const error = asItemError(context, caught, itemIndex);
				if (continueOnFail) {
					const record = recordOf(items[itemIndex].json);
					const details: IDataObject = error.description ? { details: error.description } : {};
					const json = withOutcome(details, failedFromError({ itemIndex, record }, error));
					return [{ json, pairedItem: { item: itemIndex } }];
				}
				failures[itemIndex] = error;
				return [];
			}
		},
	);
	const firstFailure = failures.find(Boolean);
	if (firstFailure) throw firstFailure;
	reportPushBack(context, api.stats);
	return perItem.flat();
}
