import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { summarizeOutcomes } from '../shared/summarizeOutcomes';
import { historyRow, type NightFacts } from './historyRow';
import { removalRows } from './removalRows';

/** n8n's link to an execution in the editor. */
function executionUrl(context: IExecuteFunctions, workflowId: string, executionId: string) {
	if (!workflowId || !executionId) return '';
	const base = (context.getInstanceBaseUrl?.() ?? '').replace(/\/+$/, '');
	return `${base}/workflow/${workflowId}/executions/${executionId}`;
}

/** The time the admin's expression gives (the trigger's), or now when it gives none. */
function startedAt(context: IExecuteFunctions, now: string): string {
	const given = context.getNodeParameter('startedAt', 0, '') as unknown;
	const date = new Date(given instanceof Date ? given : String(given ?? ''));
	return given && !Number.isNaN(date.getTime()) ? date.toISOString() : now;
}

function nightFacts(context: IExecuteFunctions): NightFacts {
	const endedAt = new Date().toISOString();
	const workflow = context.getWorkflow();
	const workflowId = String(workflow.id ?? '');
	const executionId = String(context.getExecutionId() ?? '');
	return {
		startedAt: startedAt(context, endedAt),
		endedAt,
		workflowId,
		workflowName: workflow.name ?? '',
		customer: String(context.getNodeParameter('customer', 0, '') ?? '').trim(),
		target: String(context.getNodeParameter('target', 0, '') ?? '').trim(),
		trigger: context.getMode?.() === 'manual' ? 'manual' : 'scheduled',
		executionId,
		executionUrl: executionUrl(context, workflowId, executionId),
	};
}

export class SyncRecord implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sync Record',
		name: 'syncRecord',
		icon: { light: 'file:syncRecord.svg', dark: 'file:syncRecord.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["customer"] || "the night on record" }}',
		description: "Turn a sync run's results into its row of the Sync history and the Removal log",
		defaults: { name: 'Sync Record' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['History', 'Removals'],
		usableAsTool: true,
		properties: [
			{
				displayName:
					"Connect the results as into Sync Summary. Save History and Removals with Data table nodes, and connect those to Sync Summary's Wait For.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Customer',
				name: 'customer',
				type: 'string',
				default: '',
				placeholder: 'Ängsskolan',
				description: 'Who this sync is for, as the history and the morning digest name it',
			},
			{
				displayName: 'Target',
				name: 'target',
				type: 'string',
				default: '',
				placeholder: 'Learnifier',
				description: 'What this sync writes to',
			},
			{
				displayName: 'Night Started At',
				name: 'startedAt',
				type: 'string',
				default: '',
				placeholder: "={{ $('Every Night').first().json.timestamp }}",
				description:
					"When the run started, usually the trigger's time. Empty: when this node runs.",
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const results: IDataObject[] = items.map((item) => item.json);
		const facts = nightFacts(this);
		const history: INodeExecutionData = {
			json: historyRow(summarizeOutcomes(results), results, facts) as unknown as IDataObject,
			pairedItem: items.map((_, item) => ({ item })),
		};
		const removals = removalRows(results, facts).map(({ row, item }) => ({
			json: row as unknown as IDataObject,
			pairedItem: { item },
		}));
		return [[history], removals];
	}
}
