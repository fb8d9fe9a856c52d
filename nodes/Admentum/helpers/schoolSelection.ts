/**
 * The school units to read, however the admin gave them: picked in the list (an array), or by
 * expression as an array, a number, or text like "101, 102".
 */
export function schoolIdsFrom(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : [value];
	const ids = parts
		.flatMap((part) => (typeof part === 'string' ? part.split(/[,;\s]+/) : [part]))
		.filter((part) => part !== null && part !== undefined)
		.map((part) => String(part).trim())
		.filter((part) => part !== '');
	return [...new Set(ids)];
}
