/** Parameters several User operations share. */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_MAX_RETRY_WAIT_SECONDS = 30;

/** The user to act on; the default fits items from Reconcile (targetId) and from Get Many (id). */
export const userIdParameter = (showWhen?: IDisplayOptions['show']): INodeProperties => ({
	displayName: 'Learnifier User ID',
	name: 'userId',
	type: 'string',
	required: true,
	default: '={{ $json.targetId ?? $json.id }}',
	description:
		'The Learnifier ID of the user. The default takes targetId from a Reconcile item, or the ID of a user item from this node.',
	...(showWhen ? { displayOptions: { show: showWhen } } : {}),
});

export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 32 },
	default: DEFAULT_CONCURRENCY,
	description: 'How many items are sent to Learnifier at the same time',
};

export const pacingOptions: INodeProperties[] = [
	{
		displayName: 'Max Retry Wait (Seconds)',
		name: 'maxRetryWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_MAX_RETRY_WAIT_SECONDS,
		description:
			'Longest single wait before retrying when Learnifier is busy (429) or briefly unavailable (502, 503, 504), even if Learnifier asks for longer',
	},
	{
		displayName: 'Requests Per Second',
		name: 'requestsPerSecond',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'Most requests per second for this node, all items together (0: no limit). The node learns the rate Learnifier allows and never goes above this.',
	},
];

/** The Options collection of an operation: pacing for all, plus what the operation adds. */
export const optionsCollection = (extra: INodeProperties[]): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [...extra, ...pacingOptions].sort((a, b) => a.displayName.localeCompare(b.displayName)),
});
