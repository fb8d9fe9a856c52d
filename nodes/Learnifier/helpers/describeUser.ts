/** How errors name a user, so that an admin can find the record: id, external id and name. */
export interface UserReference {
	id?: unknown;
	externalId?: unknown;
	firstName?: unknown;
	lastName?: unknown;
}

export function describeUser(user: UserReference): string {
	const parts: string[] = [];
	if (user.externalId) parts.push(`external ID "${String(user.externalId)}"`);
	if (user.id) parts.push(`Learnifier ID ${String(user.id)}`);
	const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
	const label = `user ${parts.join(', ') || '(no ID)'}`;
	return name ? `${label} (${name})` : label;
}
