/**
 * The code an admin enters to let held removals through for one night: the held count and a
 * short fingerprint of the held set, e.g. `200-584ebd`. It approves exactly that set: a different
 * or larger set has another code, so it is held again. Pure.
 */
import { fnv1a } from './fnv1a';
import { GUARD_OPTION_NAMES } from './guardOptions';
import { trimmedText } from './values';

const fingerprint = (text: string) => fnv1a(text).toString(16).padStart(8, '0').slice(0, 6);

/** The code of a set of held keys; their order does not matter. */
export function approvalCode(heldKeys: readonly string[]): string {
	const sorted = [...heldKeys].sort();
	return `${sorted.length}-${fingerprint(sorted.join('\n'))}`;
}

/** Whether the code the admin entered approves exactly these held keys. */
export function approves(entered: unknown, heldKeys: readonly string[]): boolean {
	const code = trimmedText(entered)?.toLowerCase();
	return code !== undefined && heldKeys.length > 0 && code === approvalCode(heldKeys);
}

/** A comma-separated list of keys (Only These Keys, onlyExternalIds), trimmed, blanks dropped. */
export function keyList(value: unknown): string[] {
	return (trimmedText(value) ?? '')
		.split(',')
		.map((key) => key.trim())
		.filter((key) => key !== '');
}

/** Why removals were held, and the code that lets exactly them through; `removals` names them. */
export function heldBecause(
	held: number,
	targetCount: number,
	removals: string,
	code: string,
): string {
	const count = (value: number) => value.toLocaleString('en-US');
	return (
		`${count(held)} of ${count(targetCount)} ${removals} held: more than the limits allow, which often means the source was cut short. ` +
		`If they are right, enter ${code} in "${GUARD_OPTION_NAMES.approveHeldRemovals}" (approveHeldRemovals in Customer Settings) for one night.`
	);
}
