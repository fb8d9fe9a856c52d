import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/router';
import * as importMembers from './import.operation';
import * as removeMembers from './remove.operation';

/** Operation value → its module; the router dispatches through this. */
export const operations: Record<string, Operation> = {
	import: importMembers,
	remove: removeMembers,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['member'] } },
		options: [
			{
				name: 'Import',
				value: 'import',
				description: 'Create or update members from the input items',
				action: 'Import members',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Lock members for deletion (GoPublic deletes them after 30 days)',
				action: 'Remove members',
			},
		],
		default: 'import',
	},
	...importMembers.description,
	...removeMembers.description,
];
