import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { isSuccess } from '../../../shared/http/isSuccess';
import { forEachUser } from './forEachUser';
import { optionsCollection, userIdParameter } from './common.description';
import { trimmedText } from '../../../shared/values';
import { displayOnlyFor } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Learnifier User ID', value: 'id' },
			{ name: 'External ID', value: 'externalId', description: 'The ID from your master system' },
		],
		default: 'id',
	},
	userIdParameter({ findBy: ['id'] }),
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		required: true,
		default: '={{ $json.externalId }}',
		description: 'The external ID to look for (case-sensitive)',
		displayOptions: { show: { findBy: ['externalId'] } },
	},
	optionsCollection([]),
];

export const description = displayOnlyFor({ resource: ['user'], operation: ['get'] }, properties);

export async function execute(this: IExecuteFunctions) {
	return await forEachUser(this, async (itemIndex, { api }) => {
		const byExternalId = this.getNodeParameter('findBy', itemIndex) === 'externalId';
		const name = byExternalId ? 'externalId' : 'userId';
		const value = trimmedText(this.getNodeParameter(name, itemIndex, ''));
		const label = byExternalId ? `external ID "${value}"` : `Learnifier ID ${value}`;
		if (!value) {
			throw new NodeOperationError(
				this.getNode(),
				`Item ${itemIndex + 1} has no ${byExternalId ? 'External ID' : 'Learnifier User ID'}`,
				{
					itemIndex,
				},
			);
		}
		const response = byExternalId
			? await api.findByExternalId(value, itemIndex)
			: await api.getUser(value, itemIndex);
		if (isSuccess(response)) return response.body;
		if (api.isNotFound(response)) {
			throw new NodeOperationError(this.getNode(), `No Learnifier user with ${label}`, {
				itemIndex,
			});
		}
		throw api.error(response, `Getting the user with ${label}`, itemIndex);
	});
}
