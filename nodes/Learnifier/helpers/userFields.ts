/**
 * Which user fields the node can write, and how the values an admin gave become the keys sent.
 * The rule that matters: an empty value never clears a field by accident. A field is cleared only
 * when the admin asks for it explicitly (Clear Fields, or the Reconcile option that allows it).
 */
import type { UserChanges, WritableField } from '../transport/apiContract';
import { trimmedText } from '../../shared/values';

export const TEXT_FIELDS: ReadonlyArray<{
	name: Exclude<WritableField, 'hardLock'>;
	displayName: string;
	description: string;
}> = [
	{
		name: 'externalId',
		displayName: 'External ID',
		description: 'The ID of the person in your master system (case-sensitive)',
	},
	{ name: 'firstName', displayName: 'First Name', description: 'Given name' },
	{ name: 'lastName', displayName: 'Last Name', description: 'Family name' },
	{ name: 'displayName', displayName: 'Display Name', description: 'The name Learnifier shows' },
	{
		name: 'primaryEmail',
		displayName: 'Email',
		description: 'Must be unique in Learnifier (compared without case)',
	},
	{
		name: 'locale',
		displayName: 'Locale',
		description: 'Language of the user interface, for example sv or en',
	},
	{
		name: 'homeOrg',
		displayName: 'Home Organization',
		description: 'The organization the user belongs to',
	},
];

const WRITABLE = new Set<string>([...TEXT_FIELDS.map((f) => f.name), 'hardLock']);

export const isWritableField = (name: string): name is WritableField => WRITABLE.has(name);

/**
 * Changes from the "Fields Below" parameters: given fields with a value are sent, given fields
 * whose value is empty are left out, fields in `clear` are sent as null (and win over a value).
 */
export function changesFromFields(
	fields: Record<string, unknown>,
	clear: readonly string[] = [],
): UserChanges {
	const changes: UserChanges = {};
	for (const [name, value] of Object.entries(fields)) {
		if (!isWritableField(name)) continue;
		if (name === 'hardLock') {
			if (typeof value === 'boolean') changes.hardLock = value;
			continue;
		}
		const text = trimmedText(value);
		if (text !== undefined) changes[name] = text;
	}
	for (const name of clear) if (isWritableField(name) && name !== 'hardLock') changes[name] = null;
	return changes;
}

export type ReconcileChanges = { changes: UserChanges } | { unknownField: string };

/**
 * Changes from a Reconcile Update item's `update` object ({ <Learnifier field>: newValue }).
 * Empty new values are sent as null only when `clearEmptied` is on; otherwise they are left out.
 */
export function changesFromReconcile(
	update: Record<string, unknown>,
	clearEmptied: boolean,
): ReconcileChanges {
	const changes: UserChanges = {};
	for (const [name, value] of Object.entries(update)) {
		if (!isWritableField(name)) return { unknownField: name };
		if (name === 'hardLock') {
			changes.hardLock = value === true || value === 'true';
			continue;
		}
		const text = trimmedText(value);
		if (text !== undefined) changes[name] = text;
		else if (clearEmptied) changes[name] = null;
	}
	return { changes };
}
