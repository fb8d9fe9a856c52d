import type { LearnifierUser, UserChanges } from '../transport/apiContract';
import { isSuccess } from '../../shared/http/isSuccess';
import type { ItemTools } from '../transport/itemTools';
import { emailConflictError } from './emailConflictError';

/** Reads a user; a failure is an error naming what was being done. */
export async function readUser(tools: ItemTools, id: string, action: string, itemIndex: number) {
	const response = await tools.api.getUser(id, itemIndex);
	if (!isSuccess(response)) throw tools.api.error(response, action, itemIndex);
	return response.body as LearnifierUser;
}

/** Sends the changes, then reads the user back, so the output is what Learnifier now holds. */
export async function patchAndRead(
	tools: ItemTools,
	id: string,
	changes: UserChanges,
	options: { action: string; itemIndex: number; autoClearEmail?: boolean },
) {
	const { action, itemIndex } = options;
	const response = await tools.api.updateUser(id, changes, itemIndex, options.autoClearEmail);
	if (tools.api.isEmailConflict(response) && changes.primaryEmail) {
		throw await emailConflictError(tools, {
			action,
			email: String(changes.primaryEmail),
			hint: 'To move the address to this user, turn on the option Auto Clear Email: Learnifier then removes it from the other user.',
			itemIndex,
		});
	}
	if (!isSuccess(response)) throw tools.api.error(response, action, itemIndex);
	return await readUser(tools, id, `${action}: reading the user back`, itemIndex);
}
