import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as group from './actions/group';
import * as organisation from './actions/organisation';
import * as person from './actions/person';
import { router } from './actions/router';
import { getSchoolUnits } from './methods/loadOptions';

export class Ss12000 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SS 12000',
		name: 'ss12000',
		icon: { light: 'file:ss12000.svg', dark: 'file:ss12000.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle:
			'={{"Get many " + {person: "people", organisation: "school units", group: "groups"}[$parameter["resource"]]}}',
		description: 'Read school units, students, staff and groups from any SS 12000 school system',
		defaults: { name: 'SS 12000' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Main' },
			{ type: NodeConnectionTypes.Main, displayName: 'No Email' },
		],
		credentials: [{ name: 'ss12000Api', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Group', value: 'group' },
					{ name: 'Person', value: 'person' },
					{ name: 'School Unit', value: 'organisation' },
				],
				default: 'person',
			},
			...person.description,
			...organisation.description,
			...group.description,
		],
	};

	methods = { loadOptions: { getSchoolUnits } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
