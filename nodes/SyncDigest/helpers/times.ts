/**
 * Times as the digest shows and reads them, in the workflow's time zone: "Mon 7 Dec 02:00". The
 * names are written here, not taken from the machine's locale data, so every n8n shows the same
 * words. Pure.
 */
import { isBlank } from '../../shared/values';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date and clock time `date` shows in `timeZone`. */
function wallTimeIn(date: Date, timeZone: string): WallTime {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, format);
	}
	const parts = Object.fromEntries(
		format.formatToParts(date).map((part) => [part.type, Number(part.value)]),
	);
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour,
		minute: parts.minute,
		second: parts.second,
	};
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** "Mon 7 Dec". */
export function dayText(date: Date, timeZone: string): string {
	const { year, month, day } = wallTimeIn(date, timeZone);
	const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
	return `${WEEKDAYS[weekday]} ${day} ${MONTHS[month - 1]}`;
}

/** "Mon 7 Dec 02:00". */
export function timeText(date: Date, timeZone: string): string {
	const { hour, minute } = wallTimeIn(date, timeZone);
	return `${dayText(date, timeZone)} ${twoDigits(hour)}:${twoDigits(minute)}`;
}

/** How far `timeZone` is ahead of UTC at `date`, in milliseconds. */
function offsetAt(date: Date, timeZone: string): number {
	const wall = wallTimeIn(date, timeZone);
	const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
	return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

const LOCAL_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/**
 * A date and time as n8n's date picker and expressions give it: an ISO text with `Z` or an
 * offset is that moment; one without (the picker's "2026-12-07T07:00:00") is a clock time in
 * `timeZone`. Objects that know their ISO form (a JavaScript Date, Luxon's DateTime) are taken as
 * they are. Undefined when it is no time at all.
 */
export function readTime(value: unknown, timeZone: string): Date | undefined {
	if (value instanceof Date) return isNaN(value.getTime()) ? undefined : value;
	const iso = value as { toISO?: () => unknown; toISOString?: () => unknown } | null;
	if (typeof iso?.toISO === 'function') return readTime(iso.toISO(), timeZone);
	if (typeof iso?.toISOString === 'function') return readTime(iso.toISOString(), timeZone);
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const local = LOCAL_TIME.exec(text);
	if (!local) {
		const moment = new Date(text);
		return text === '' || isNaN(moment.getTime()) ? undefined : moment;
	}
	const [year, month, day, hour, minute, second, millisecond] = local
		.slice(1)
		.map((part) => Number(part ?? 0));
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
	// The offset where the clock time falls: guess with the offset at the UTC reading, then
	// correct once (the two differ only around a daylight-saving change).
	const guess = asUtc - offsetAt(new Date(asUtc), timeZone);
	const moment = new Date(asUtc - offsetAt(new Date(guess), timeZone));
	return isNaN(moment.getTime()) ? undefined : moment;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The digest's "Since": the time given, or 24 hours before `now` when it is empty. */
export function readSince(value: unknown, timeZone: string, now: Date): Date | undefined {
	if (isBlank(value)) return new Date(now.getTime() - DAY_MS);
	return readTime(value, timeZone);
}
