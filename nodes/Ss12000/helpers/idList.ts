/**
 * The IDs to read, however the admin gave them: picked in the list (an array), or by expression as
 * an array or text like "id1, id2".
 */
export function idListFrom(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : [value];
	const ids = parts
		.flatMap((part) => (typeof part === 'string' ? part.split(/[,;\s]+/) : [part]))
		.filter((part) => part !== null && part !== undefined)
		.map((part) => String(part).trim())
		.filter((part) => part !== '');
	return [...new Set(ids)];
}

/** A comma-separated list of words in the admin's order, e.g. "Skola personal, Arbete övrigt". */
export const orderedTextList = (value: unknown): string[] =>
	String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
