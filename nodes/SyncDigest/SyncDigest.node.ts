import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { composeDigest } from './helpers/composeDigest';
import { readSince } from './helpers/times';

const HISTORY = 0;
const ACTIVE_WORKFLOWS = 1;

/** The items on an input; none when nothing is connected to it. */
function itemsOn(context: IExecuteFunctions, input: number): INodeExecutionData[] {
	try {
		return context.getInputData(input);
	} catch {
		// n8n-core has no list for an input that nothing is connected to, and says so by throwing.
		return [];
	}
}

export class SyncDigest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sync Digest',
		name: 'syncDigest',
		icon: { light: 'file:syncDigest.svg', dark: 'file:syncDigest.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'one e-mail about every sync',
		description:
			'Write one morning e-mail from the Sync history: what needs a look, what went through, and warnings',
		defaults: { name: 'Sync Digest' },
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'History' },
			{ type: NodeConnectionTypes.Main, displayName: 'Active Workflows' },
		],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [
			{
				displayName:
					"Connect the rows of the Sync history table to History, and n8n's published workflows (the n8n node, Get Many) to Active Workflows. Send the item with a Send Email node.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Since',
				name: 'since',
				type: 'dateTime',
				default: '',
				description:
					'When the last digest was made: nights that ended after it are news. Empty means the last 24 hours.',
			},
			{
				displayName: 'Skipped Compared With (Days)',
				name: 'compareDays',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 7,
				description:
					"Skipped records are compared with the workflow's latest night at least this many days older",
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const timeZone = this.getTimezone();
		const now = new Date();
		const sinceValue = this.getNodeParameter('since', 0, '');
		const since = readSince(sinceValue, timeZone, now);
		if (since === undefined) {
			throw new NodeOperationError(this.getNode(), `"Since" is not a time: ${String(sinceValue)}`, {
				description:
					'Give a time such as 2026-12-07T07:00:00Z, or leave it empty for the last 24 hours.',
			});
		}
		const history = itemsOn(this, HISTORY);
		const workflows = itemsOn(this, ACTIVE_WORKFLOWS);
		const json = composeDigest({
			history: history.map((item) => item.json),
			workflows: workflows.map((item) => item.json),
			since,
			now,
			timeZone,
			compareDays: this.getNodeParameter('compareDays', 0, 7) as number,
		});
		const pairedItem = [
			...history.map((_, item) => ({ item, input: HISTORY })),
			...workflows.map((_, item) => ({ item, input: ACTIVE_WORKFLOWS })),
		];
		return [[{ json, pairedItem }]];
	}
}
