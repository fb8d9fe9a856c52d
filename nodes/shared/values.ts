/** Small value conversions every node needs, so that each is written once. */

/** Nothing there: undefined, null, or text of only blanks. */
export const isBlank = (value: unknown): boolean =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Text without surrounding blanks; objects as JSON; undefined when blank. */
export function trimmedText(value: unknown): string | undefined {
	if (isBlank(value)) return undefined;
	const text = (typeof value === 'object' ? JSON.stringify(value) : String(value)).trim();
	return text === '' ? undefined : text;
}
