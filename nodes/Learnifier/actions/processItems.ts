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
import type { RequestStats } from '../../shared/http/sendWithRetry';
import { EmailHolders } from '../transport/emailHolders';
import { LearnifierTransport } from '../transport/learnifierTransport';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_RETRY_WAIT_SECONDS } from './user/sharedParameters';

export interface ItemTools {
	api: LearnifierTransport;
	emailHolders: EmailHolders;
}

export type ItemWork = (itemIndex: number, tools: ItemTools) => Promise<IDataObject | IDataObject[]>;

function asItemError(context: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeOperationError || (error as { itemIndex?: number })?.itemIndex !== undefined) {
		return error as NodeOperationError;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
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

export async function processItems(context: IExecuteFunctions, work: ItemWork): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const option = <T>(name: string, fallback: T) => context.getNodeParameter(`options.${name}`, 0, fallback) as T;
	const api = await LearnifierTransport.forExecution(context, {
		requestsPerSecond: option('requestsPerSecond', 0),
		maxRetryWaitSeconds: option('maxRetryWaitSeconds', DEFAULT_MAX_RETRY_WAIT_SECONDS),
	});
	const tools: ItemTools = { api, emailHolders: new EmailHolders(api) };
	const continueOnFail = context.continueOnFail();
	const failures: NodeOperationError[] = [];

	const perItem = await mapConcurrently(items, option('concurrency', DEFAULT_CONCURRENCY), async (_, itemIndex) => {
		if (failures.length > 0) return [];
		try {
			const result = await work(itemIndex, tools);
			return (Array.isArray(result) ? result : [result]).map(
				(json): INodeExecutionData => ({ json, pairedItem: { item: itemIndex } }),
			);
		} catch (caught) {
			const error = asItemError(context, caught, itemIndex);
			if (continueOnFail) {
				const json: IDataObject = { error: error.message, _sync: { action: 'failed' } };
				if (error.description) json.details = error.description;
				return [{ json, pairedItem: { item: itemIndex } }];
			}
			failures[itemIndex] = error;
			return [];
		}
	});
	const firstFailure = failures.find(Boolean);
	if (firstFailure) throw firstFailure;
	reportPushBack(context, api.stats);
	return perItem.flat();
}
