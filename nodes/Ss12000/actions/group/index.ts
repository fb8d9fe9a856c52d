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
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many groups',
				description: 'List the groups of a school unit, with their members',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
