/** Lock and Unlock are the same request (PATCH hardLock) with opposite values: Unlock uses this factory too. */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { describeUser } from '../../helpers/describeUser';
import { doneOutcome, withOutcome } from '../../../shared/syncOutcome';
import { forEachUser } from './forEachUser';
import { patchAndRead } from '../../helpers/patchAndRead';
import { concurrencyOption, optionsCollection, userIdParameter } from './common.description';
import { trimmedText } from '../../../shared/values';
import { displayOnlyFor } from '../../../shared/displayOptions';

export function hardLockOperation(operation: 'lock' | 'unlock') {
	const hardLock = operation === 'lock';
	const description = displayOnlyFor({ resource: ['user'], operation: [operation] }, [
		userIdParameter(),
		optionsCollection([concurrencyOption]),
	]);

	async function execute(this: IExecuteFunctions) {
		return await forEachUser(this, async (itemIndex, tools) => {
			const id = trimmedText(this.getNodeParameter('userId', itemIndex, ''));
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
export const { description, execute } = hardLockOperation('lock');
