/**
 * How every User operation runs: one Learnifier transport per execution (pacing, retries and
 * counters shared by all items), the shared item loop, and a note when Learnifier pushed back.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { processItems } from '../../../shared/processItems';
import { reportPushBack } from '../../../shared/reportPushBack';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_RETRY_WAIT_SECONDS } from './common.description';
import { EmailHolders } from '../../transport/emailHolders';
import type { ItemTools } from '../../transport/itemTools';
import { LearnifierTransport } from '../../transport/learnifierTransport';
import { describeUser } from '../../helpers/describeUser';

export type UserWork = (
	itemIndex: number,
	tools: ItemTools,
) => Promise<IDataObject | IDataObject[]>;

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

export async function forEachUser(
	context: IExecuteFunctions,
	work: UserWork,
): Promise<INodeExecutionData[][]> {
	const option = <T>(name: string, fallback: T) =>
		context.getNodeParameter(`options.${name}`, 0, fallback) as T;
	const api = await LearnifierTransport.forExecution(context, {
		requestsPerSecond: option('requestsPerSecond', 0),
		maxRetryWaitSeconds: option('maxRetryWaitSeconds', DEFAULT_MAX_RETRY_WAIT_SECONDS),
	});
	const tools: ItemTools = { api, emailHolders: new EmailHolders(api) };
	const items = await processItems(
		context,
		{ concurrency: option('concurrency', DEFAULT_CONCURRENCY), recordOf },
		async (itemIndex) => await work(itemIndex, tools),
	);
	reportPushBack(context, 'Learnifier', api.stats);
	return [items];
}
