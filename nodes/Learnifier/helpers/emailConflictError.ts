import { NodeOperationError } from 'n8n-workflow';

import { describeUser } from './describeUser';
import type { ItemTools } from '../transport/itemTools';

/** A 409 in plain words: which e-mail, and which user already holds it. */
export async function emailConflictError(
	{ api, emailHolders }: ItemTools,
	options: { action: string; email: string; hint: string; itemIndex: number },
): Promise<NodeOperationError> {
	const { action, email, hint, itemIndex } = options;
	const holder = await emailHolders.holderOf(email, itemIndex).catch(() => undefined);
	const who = holder ? describeUser(holder) : 'another Learnifier user';
	return new NodeOperationError(
		api.node,
		`${action} failed: the email ${email} is already used by ${who}`,
		{
			description: hint,
			itemIndex,
		},
	);
}
