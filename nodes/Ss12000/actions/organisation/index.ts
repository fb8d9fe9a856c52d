import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/router';
import * as getAll from './getAll.operation';

/** Operation value → its module; the router dispatches through this. */
export const operations: Record<string, Operation> = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['organisation'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many school units',
				description: 'List the school units the client can read',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
