import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { guardItems } from './guardItems';
import { judgeRemovals } from './judgeRemovals';
import { onlyTheseKeys } from './onlyTheseKeys';
import { reconcileProperties } from './parameters';
import { planChanges } from './planChanges';
import { OUTPUT_NAMES } from './outputs';
import { planItems } from './planItems';
import { previewOutputs } from './previewOutputs';
import { readSettings } from './readSettings';
import { stopOnMassDeletion } from './stopOnMassDeletion';

export class Reconcile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Reconcile',
		name: 'reconcile',
		icon: { light: 'file:reconcile.svg', dark: 'file:reconcile.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{"by " + $parameter["sourceKeyField"]}}',
		description:
			'Compare desired records with current ones: what to create, update, delete or leave alone',
		defaults: { name: 'Reconcile' },
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Source' },
			{ type: NodeConnectionTypes.Main, displayName: 'Target' },
		],
		outputs: OUTPUT_NAMES.map((displayName) => ({ type: NodeConnectionTypes.Main, displayName })),
		usableAsTool: true,
		properties: reconcileProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const settings = readSettings(this);
		const { plan: planOptions, onlyTheseKeys: keys } = settings;
		const only = (items: INodeExecutionData[], keyField: string) =>
			onlyTheseKeys(items, keyField, keys, planOptions.ignoreKeyCase);
		const sourceItems = only(this.getInputData(0), planOptions.sourceKeyField);
		const targetItems = only(this.getInputData(1), planOptions.targetKeyField);
		const plan = planChanges(
			sourceItems.map((item) => item.json),
			targetItems.map((item) => item.json),
			planOptions,
		);
		const counts = { source: sourceItems.length, target: targetItems.length };
		const verdict = judgeRemovals(plan, counts, settings);
		// A preview reports a stop like any other outcome: it never fails here.
		const outputs =
			verdict.kind === 'stop'
				? stopOnMassDeletion(
						this,
						plan,
						verdict.violation,
						settings.reportGuardStop || settings.previewOnly,
					)
				: guardItems(
						planItems(plan, sourceItems, targetItems, {
							targetIdField: settings.targetIdField,
							normalizeUnicode: planOptions.normalizeUnicode ?? false,
						}),
						verdict,
					);
		return settings.previewOnly ? previewOutputs(outputs) : outputs;
	}
}
