import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/router';

import * as create from './create.operation';
import * as deleteUser from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as lock from './lock.operation';
import * as unlock from './unlock.operation';
import * as update from './update.operation';

/** Operation value → its module; the router dispatches through this. */
export const operations: Record<string, Operation> = {
	create,
	get,
	getAll,
	update,
	lock,
	unlock,
	delete: deleteUser,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a user', action: 'Create a user' },
			{ name: 'Delete', value: 'delete', description: 'Delete a user', action: 'Delete a user' },
			{
				name: 'Get',
				value: 'get',
				description: 'Get a user by Learnifier ID or external ID',
				action: 'Get a user',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many users',
				action: 'Get many users',
			},
			{
				name: 'Lock',
				value: 'lock',
				description: 'Lock a user out of Learnifier (hardLock)',
				action: 'Lock a user',
			},
			{
				name: 'Unlock',
				value: 'unlock',
				description: 'Let a locked user log in again',
				action: 'Unlock a user',
			},
			{ name: 'Update', value: 'update', description: 'Update a user', action: 'Update a user' },
		],
		default: 'create',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
