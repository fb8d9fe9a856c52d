import { NodeOperationError } from 'n8n-workflow';

import type { LearnifierUser } from './apiContract';
import type { LearnifierTransport } from './learnifierTransport';

/**
 * Pages through GET /users until Learnifier says there are no more (X-More), or `limit` users
 * have been read. An empty page while Learnifier says there are more is an error, not the end:
 * a list cut short would look as if users had left.
 */
export async function listUsers(
	api: LearnifierTransport,
	options: { pageSize: number; limit?: number; itemIndex: number },
): Promise<LearnifierUser[]> {
	const { pageSize, limit, itemIndex } = options;
	const users: LearnifierUser[] = [];
	for (;;) {
		const wanted = limit === undefined ? pageSize : Math.min(pageSize, limit - users.length);
		if (wanted <= 0) return users;
		const response = await api.listPage(users.length, wanted, itemIndex);
		if (!response.page)
			throw api.error(
				response,
				`Reading Learnifier users from position ${users.length}`,
				itemIndex,
			);
		users.push(...response.page.users);
		if (!response.page.more) return users;
		if (response.page.users.length === 0) {
			throw new NodeOperationError(
				api.node,
				'Learnifier said more users exist but sent an empty page',
				{
					description: `The list stopped after ${users.length} users. Try again; if it persists, contact Learnifier.`,
					itemIndex,
				},
			);
		}
	}
}
