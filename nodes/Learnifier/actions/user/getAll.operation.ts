import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_PAGE_SIZE } from '../../transport/apiContract';
import { listUsers } from '../../transport/listUsers';
import { forEachUser } from './forEachUser';
import { optionsCollection } from './common.description';
import { displayOnlyFor } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	optionsCollection([
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_PAGE_SIZE,
			description:
				'How many users each request to Learnifier asks for. Smaller pages put less load on Learnifier per request.',
		},
	]),
];

export const description = displayOnlyFor(
	{ resource: ['user'], operation: ['getAll'] },
	properties,
);

export async function execute(this: IExecuteFunctions) {
	return await forEachUser(this, async (itemIndex, { api }) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
		const pageSize = this.getNodeParameter(
			'options.pageSize',
			itemIndex,
			DEFAULT_PAGE_SIZE,
		) as number;
		return await listUsers(api, { pageSize, limit, itemIndex });
	});
}
