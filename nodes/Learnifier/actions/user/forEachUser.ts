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
import { outcomeOf, withOutcome } from '../../../shared/syncOutcome';

export type UserWork = (
	itemIndex: number,
	tools: ItemTools,
) => Promise<IDataObject | IDataObject[]>;

/**
 * The person an item is about, where that is plain: Reconcile's items carry the matched `key`
 * (the external ID), and Update items hold the person under `source`.
 */
const hasKey = (input: IDataObject) => input.key !== undefined && input.key !== null;
const personFieldsOf = (input: IDataObject) => (input.source as IDataObject | undefined) ?? input;

function personOf(input: IDataObject): { key: string; name: string } | undefined {
	if (!hasKey(input)) return undefined;
	const { firstName, lastName } = personFieldsOf(input);
	return { key: String(input.key), name: [firstName, lastName].filter(Boolean).join(' ') };
}

/** Error messages name the user in every case. */
function recordOf(input: IDataObject): string | undefined {
	if (!hasKey(input)) return undefined;
	const { firstName, lastName } = personFieldsOf(input);
	return describeUser({ externalId: input.key, firstName, lastName });
}

/** The outcome names the person, so that a removal can be logged by key and name. */
function withPerson(result: IDataObject | IDataObject[], input: IDataObject) {
	const person = personOf(input);
	const named = (json: IDataObject): IDataObject => {
		const outcome = outcomeOf(json);
		return person && outcome ? withOutcome(json, { ...outcome, ...person }) : json;
	};
	return Array.isArray(result) ? result.map(named) : named(result);
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
	const items = context.getInputData();
	const results = await processItems(
		context,
		{ concurrency: option('concurrency', DEFAULT_CONCURRENCY), recordOf },
		async (itemIndex) => withPerson(await work(itemIndex, tools), items[itemIndex].json),
	);
	reportPushBack(context, 'Learnifier', api.stats);
	return [results];
}
