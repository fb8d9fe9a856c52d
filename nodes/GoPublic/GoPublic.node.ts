import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as member from './actions/member';
import { router } from './actions/router';

export class GoPublic implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GoPublic',
		name: 'goPublic',
		icon: { light: 'file:gopublic.svg', dark: 'file:gopublic.dark.svg' },
		group: ['output'],
		// Version 2 remembers in a Data Table by default and saves only the memory rows that changed.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Import members into the GoPublic intranet and phonebook, and remove those who left',
		defaults: { name: 'GoPublic' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Results', 'Memory to Save'],
		credentials: [{ name: 'goPublicApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Member', value: 'member' }],
				default: 'member',
			},
			...member.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
