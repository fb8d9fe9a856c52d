/**
 * The forms admins' data comes in, turned into what GoPublic expects. Pure functions. A value
 * that cannot be understood is returned unchanged, so that validation names it with its reason.
 */

import { isBlank as isEmpty } from '../../shared/values';

/** Text, numbers as text; undefined when empty. */
export function toText(value: unknown): unknown {
	if (isEmpty(value)) return undefined;
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'bigint') return String(value);
	return value;
}

/** A value of a `|`-list without the quotes GoPublic's sample CSV may put around it (`"a"|"b"`). */
const unquoted = (part: unknown) =>
	typeof part === 'string' ? part.trim().replace(/^"(.*)"$/s, '$1') : part;

/** An array, or `|`-separated text, as a list of distinct non-empty texts; undefined when empty. */
export function toTextList(value: unknown): unknown {
	if (isEmpty(value)) return undefined;
	const parts = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split('|')
			: [value];
	const texts = parts.map((part) => toText(unquoted(part))).filter((part) => part !== undefined);
	if (texts.some((part) => typeof part !== 'string')) return value;
	const distinct = [...new Set(texts as string[])];
	return distinct.length > 0 ? distinct : undefined;
}

/** `/`-separated paths with spaces around each level removed ("Skoler / Nord" → "Skoler/Nord"). */
export function toPathList(value: unknown): unknown {
	const list = toTextList(value);
	// A list that is not all text came back unchanged, for validation to name.
	if (!Array.isArray(list) || list.some((path) => typeof path !== 'string')) return list;
	return list.map((path: string) =>
		path
			.split('/')
			.map((level) => level.trim())
			.join('/'),
	);
}

const TRUE_WORDS = new Set(['true', 'yes', 'ja', 'j', 'y', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'nej', 'nei', 'n', '0', 'off']);

/** true/false, 1/0, and the words "true", "yes", "ja", "1", "false", "no", "nej", "0" (any case). */
export function toBoolean(value: unknown): unknown {
	if (isEmpty(value)) return undefined;
	if (typeof value === 'boolean') return value;
	const word = String(value).trim().toLowerCase();
	if (TRUE_WORDS.has(word)) return true;
	if (FALSE_WORDS.has(word)) return false;
	return value;
}

const pad = (n: string) => n.padStart(2, '0');

function isoFromParts(year: string, month: string, day: string): string | undefined {
	const iso = `${year}-${pad(month)}-${pad(day)}T00:00:00.000Z`;
	const date = new Date(iso);
	return !Number.isNaN(date.getTime()) && date.toISOString() === iso ? iso : undefined;
}

/**
 * An ISO date-time. Accepts ISO dates and date-times, day-first dates as Danish and Swedish
 * files write them (24-12-1980, 24.12.1980, 24/12/1980), JavaScript dates and n8n's Luxon dates.
 * A date without time becomes midnight UTC.
 */
export function toIsoDateTime(value: unknown): unknown {
	if (isEmpty(value)) return undefined;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString();
	if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return (value as { toISO: () => string }).toISO();
	}
	if (typeof value !== 'string') return value;
	const text = value.trim();
	let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
	if (match) return isoFromParts(match[1], match[2], match[3]) ?? value;
	match = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.exec(text);
	if (match) return isoFromParts(match[3], match[2], match[1]) ?? value;
	if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text)))
		return new Date(text).toISOString();
	return value;
}

/** Base64 picture data; a `data:image/...;base64,` prefix is removed. */
export function toBase64(value: unknown): unknown {
	const text = toText(value);
	return typeof text === 'string' ? text.replace(/^data:[^,]*;base64,/, '') : text;
}
