import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { describeUser } from '../../helpers/describeUser';
import { doneOutcome, withOutcome } from '../../../shared/syncOutcome';
import { isSuccess } from '../../../shared/http/isSuccess';
import { forEachUser } from './forEachUser';
import { concurrencyOption, optionsCollection, userIdParameter } from './common.description';
import { trimmedText } from '../../../shared/values';
import { displayOnlyFor } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Delete removes the user from Learnifier. To keep the user but stop them logging in, use Lock instead.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	userIdParameter(),
	optionsCollection([concurrencyOption]),
];

export const description = displayOnlyFor(
	{ resource: ['user'], operation: ['delete'] },
	properties,
);

export async function execute(this: IExecuteFunctions) {
	return await forEachUser(this, async (itemIndex, { api }) => {
		const id = trimmedText(this.getNodeParameter('userId', itemIndex, ''));
		if (!id)
			throw new NodeOperationError(
				this.getNode(),
				`Item ${itemIndex + 1} has no Learnifier User ID`,
				{ itemIndex },
			);
		const response = await api.deleteUser(id, itemIndex);
		if (!isSuccess(response))
			throw api.error(response, `Deleting ${describeUser({ id })}`, itemIndex);
		return withOutcome({ id, deleted: true }, doneOutcome('deleted'));
	});
}
