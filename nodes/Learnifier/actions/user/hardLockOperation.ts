/** Lock and Unlock are the same request (PATCH hardLock) with opposite values. */
import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { describeUser } from '../../helpers/describeUser';
import { doneOutcome, withOutcome } from '../../../shared/syncOutcome';
import { textValue } from '../../helpers/userFields';
import { processItems } from '../processItems';
import { patchAndRead } from './patchAndRead';
import { concurrencyOption, optionsCollection, userIdParameter } from './sharedParameters';

export function hardLockOperation(operation: 'lock' | 'unlock') {
	const hardLock = operation === 'lock';
	const description: INodeProperties[] = [
		userIdParameter([operation]),
		optionsCollection(operation, [concurrencyOption]),
	];

	async function execute(this: IExecuteFunctions) {
		return await processItems(this, async (itemIndex, tools) => {
			const id = textValue(this.getNodeParameter('userId', itemIndex, ''));
			if (!id) {
				throw new NodeOperationError(
					this.getNode(),
					`Item ${itemIndex + 1} has no Learnifier User ID`,
					{ itemIndex },
				);
			}
			const action = `${hardLock ? 'Locking' : 'Unlocking'} ${describeUser({ id })}`;
			const user = await patchAndRead(tools, id, { hardLock }, { action, itemIndex });
			return withOutcome(user, doneOutcome(hardLock ? 'locked' : 'unlocked'));
		});
	}

	return { description, execute };
}
