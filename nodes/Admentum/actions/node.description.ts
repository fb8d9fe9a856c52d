import type { INodeProperties } from 'n8n-workflow';

import * as person from './person/getAll.operation';
import * as school from './school/getAll.operation';

export const admentumProperties: INodeProperties[] = [
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
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['person'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many people',
				description: 'Read the students and/or teachers of the chosen school units',
			},
		],
		default: 'getAll',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['school'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many school units',
				description: 'List the school units the API key can read',
			},
		],
		default: 'getAll',
	},
	...person.description,
	...school.description,
];
