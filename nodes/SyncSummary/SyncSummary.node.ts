import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { summarizeOutcomes } from './summarizeOutcomes';

export class SyncSummary implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sync Summary',
		name: 'syncSummary',
		icon: { light: 'file:syncSummary.svg', dark: 'file:syncSummary.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'one item for the whole run',
		description: 'Count what a sync run did (created, updated, locked, unchanged, skipped, failed) in one item',
		defaults: { name: 'Sync Summary' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [
			{
				displayName:
					'Connect the results of the sync here (through a Merge node when there are several branches). Items from the Learnifier, GoPublic and Reconcile nodes are counted by what happened to them; items with an "error" count as failed, with the error as reason.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Max Reasons Listed',
				name: 'maxReasons',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 100,
				description: 'How many skip and failure reasons to list; the rest are counted',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const maxReasons = this.getNodeParameter('maxReasons', 0) as number;
		const summary = summarizeOutcomes(
			items.map((item) => item.json),
			maxReasons,
		);
		return [
			[
				{
					json: summary as unknown as IDataObject,
					pairedItem: items.map((_, item) => ({ item })),
				},
			],
		];
	}
}
