import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { reconcileProperties } from './parameters';
import { planChanges } from './planChanges';
import { readSettings } from './readSettings';
import { stopOnMassDeletion } from './stopOnMassDeletion';
import { OUTPUT_NAMES, toOutputItems } from './toOutputItems';

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
		const sourceItems = this.getInputData(0);
		const targetItems = this.getInputData(1);
		const plan = planChanges(
			sourceItems.map((item) => item.json),
			targetItems.map((item) => item.json),
			settings.plan,
		);
		const counts = { source: sourceItems.length, target: targetItems.length };
		return (
			stopOnMassDeletion(this, plan, counts, settings) ??
			toOutputItems(plan, sourceItems, targetItems, {
				targetIdField: settings.targetIdField,
				normalizeUnicode: settings.plan.normalizeUnicode ?? false,
			})
		);
	}
}
