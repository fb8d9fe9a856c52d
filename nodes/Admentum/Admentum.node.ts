import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as person from './actions/person';
import { router } from './actions/router';
import * as school from './actions/school';
import { getSchools } from './methods/loadOptions';

export class Admentum implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Admentum',
		name: 'admentum',
		icon: { light: 'file:admentum.svg', dark: 'file:admentum.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle:
			'={{$parameter["operation"] === "getAll" ? "Get many " + ($parameter["resource"] === "school" ? "school units" : "people") : ""}}',
		description: 'Read school units, students and teachers from Admentum',
		defaults: { name: 'Admentum' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Main' },
			{ type: NodeConnectionTypes.Main, displayName: 'No Email' },
		],
		credentials: [{ name: 'admentumApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Person', value: 'person' },
					{ name: 'School Unit', value: 'school' },
				],
				default: 'person',
			},
			...person.description,
			...school.description,
		],
	};

	methods = { loadOptions: { getSchools } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
