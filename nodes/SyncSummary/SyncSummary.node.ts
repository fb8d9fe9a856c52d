import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { judgeNight, type FailPolicy } from './judgeNight';
import { summarizeOutcomes, type RunSummary } from '../shared/summarizeOutcomes';

const STOP_AND_ERROR = 'n8n-nodes-base.stopAndError';

/** The summary as the error's details: what the execution list and the error workflow show. */
function summaryText(summary: RunSummary): string {
	const section = (title: string, lines: string[]) =>
		lines.length ? [`${title}:`, ...lines.map((line) => `- ${line}`)] : [];
	return [
		summary.summary,
		...section('Stopped', summary.stopped),
		...section('Held', summary.held),
		...section('Refused as a whole', summary.refused),
		...section('Failed', summary.failed),
		...section('Unconfirmed', summary.unconfirmed),
		...section('Skipped', summary.skipped),
	].join('\n');
}

/** What connects into a node, per input: each source node and the output it comes from. */
interface ConnectionsOf {
	getConnections?: (
		destination: { name: string },
		connectionType: typeof NodeConnectionTypes.Main,
	) => Array<Array<{ node: string; index: number }> | null> | undefined;
}

/** The output a failed night's summary also goes to ("Night Failed"). */
const NIGHT_FAILED_OUTPUT = 1;

/**
 * A failed night must end red. When an enabled Stop and Error node is connected to the "Night
 * Failed" output itself (as the templates wire it), the summary item stays visible here and that
 * node fails the execution. Anything else (none, a disabled one, one on another output or further
 * down a branch that may not run) and this node fails it itself.
 */
function failureIsWired(context: IExecuteFunctions): boolean {
	const self = context.getNode().name;
	const children = context.getChildNodes?.(self) ?? [];
	// n8n's execution context has getConnections (n8n-core), though n8n-workflow's type does not
	// list it; where it is missing the wiring cannot be proven, and this node fails the night itself.
	const { getConnections } = context as ConnectionsOf;
	if (typeof getConnections !== 'function') return false;
	return children.some((child) => {
		if (child.type !== STOP_AND_ERROR || child.disabled) return false;
		const inputs = getConnections.call(context, { name: child.name }, NodeConnectionTypes.Main);
		return (inputs ?? []).some((sources) =>
			(sources ?? []).some(
				(source) => source.node === self && source.index === NIGHT_FAILED_OUTPUT,
			),
		);
	});
}

export class SyncSummary implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sync Summary',
		name: 'syncSummary',
		icon: { light: 'file:syncSummary.svg', dark: 'file:syncSummary.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'one item for the whole run',
		description:
			'Count what a sync run did in one item, and fail the execution when the night failed',
		defaults: { name: 'Sync Summary' },
		// "Wait For" is only a barrier: n8n runs this node after whatever feeds it, so state that must
		// survive a red night (a memory save) is written before the night is judged.
		inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		inputNames: ['Results', 'Wait For'],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Summary', 'Night Failed'],
		usableAsTool: true,
		properties: [
			{
				displayName:
					'Connect the results to the Results input, and what must be saved before the night is judged (such as Save Memory) to Wait For. Connect Night Failed to a Stop and Error node.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Fail the Execution When',
				name: 'failWhen',
				type: 'options',
				default: 'refusedOrShare',
				options: [
					{
						name: 'A Target Refused the Work, or Too Many Writes Failed',
						value: 'refusedOrShare',
						description: 'Also when a deletion guard stopped the night',
					},
					{
						name: 'A Target Refused the Work as a Whole',
						value: 'refused',
						description:
							'Wrong key, IP not whitelisted, service down, or a deletion guard stopped the night',
					},
					{ name: 'Any Write Failed', value: 'anyFailed' },
					{ name: 'Never', value: 'never' },
				],
				description: 'Skipped records (the source lacks what the target needs) never fail a night',
			},
			{
				displayName: 'Max Failed Writes (%)',
				name: 'maxFailedPercent',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100 },
				default: 10,
				description: 'The night fails when more than this share of the writes failed',
				displayOptions: { show: { failWhen: ['refusedOrShare'] } },
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
		const policy: FailPolicy = {
			when: this.getNodeParameter('failWhen', 0) as FailPolicy['when'],
			maxFailedPercent: this.getNodeParameter('maxFailedPercent', 0, 10) as number,
		};
		const summary = summarizeOutcomes(
			items.map((item) => item.json),
			this.getNodeParameter('maxReasons', 0) as number,
		);
		const failure = judgeNight(summary, policy);
		if (failure !== undefined && !failureIsWired(this)) {
			throw new NodeOperationError(this.getNode(), failure, { description: summaryText(summary) });
		}
		const json: IDataObject = { ...summary, nightFailed: failure !== undefined };
		if (failure !== undefined) json.failure = failure;
		const item: INodeExecutionData = {
			json,
			pairedItem: items.map((_, index) => ({ item: index })),
		};
		return [[item], failure === undefined ? [] : [item]];
	}
}
