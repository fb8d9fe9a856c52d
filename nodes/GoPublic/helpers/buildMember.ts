/**
 * Turns the values an admin mapped for one item into a GoPublic member: each field in its form
 * (lists, booleans, ISO dates), empty fields left out, then checked by the schema. Pure.
 */
import {
	BOOLEAN_FIELDS,
	DATE_FIELDS,
	OPTIONAL_TEXT_FIELDS,
	PATH_LIST_FIELDS,
} from '../transport/apiContract';
import { toBase64, toBoolean, toIsoDateTime, toPathList, toText, toTextList } from './fieldForms';
import { validateMember, type MemberProblem, type ValidMember } from './memberSchema';

type FieldForm = (value: unknown) => unknown;

const FORMS: Record<string, FieldForm> = {
	uuids: toTextList,
	roles: toTextList,
	name: toText,
	fullName: toText,
	email: toText,
	...Object.fromEntries(OPTIONAL_TEXT_FIELDS.map((field) => [field, toText])),
	avatar: toBase64,
	...Object.fromEntries(BOOLEAN_FIELDS.map((field) => [field, toBoolean])),
	...Object.fromEntries(DATE_FIELDS.map((field) => [field, toIsoDateTime])),
	...Object.fromEntries(PATH_LIST_FIELDS.map((field) => [field, toPathList])),
};

/**
 * What an emptied field is sent as when empty fields clear GoPublic's value, as GoPublic's own
 * import script sends an empty cell: empty text, false, an empty list. Dates and pictures have no
 * empty form, and the fields GoPublic requires (uuids, name, e-mail, full name, roles) cannot be
 * cleared: they are left out, so the member is skipped with "required" as the reason.
 */
const EMPTY_FORMS: Record<string, unknown> = {
	...Object.fromEntries(OPTIONAL_TEXT_FIELDS.map((field) => [field, ''])),
	...Object.fromEntries(BOOLEAN_FIELDS.map((field) => [field, false])),
	...Object.fromEntries(PATH_LIST_FIELDS.map((field) => [field, []])),
	avatar: undefined,
};

/** Empty fields are left out (GoPublic keeps what it has) or sent empty (GoPublic clears them). */
export type EmptyFields = 'leaveOut' | 'clear';

/**
 * The mapped values in GoPublic's forms; unknown field names are dropped. An empty value is left
 * out, or with `clear` sent in its empty form; a field that maps to nothing at all (undefined or
 * null) is always left out.
 */
export function toMemberCandidate(
	mapped: Record<string, unknown>,
	emptyFields: EmptyFields = 'leaveOut',
): Record<string, unknown> {
	const candidate: Record<string, unknown> = {};
	for (const [field, value] of Object.entries(mapped)) {
		const form = FORMS[field];
		if (!form) continue;
		const converted = form(value);
		if (converted !== undefined) candidate[field] = converted;
		else if (
			emptyFields === 'clear' &&
			value !== undefined &&
			value !== null &&
			EMPTY_FORMS[field] !== undefined
		) {
			candidate[field] = EMPTY_FORMS[field];
		}
	}
	return candidate;
}

/** The uuids of a mapped item as far as they can be read, even when the rest is invalid. */
export function uuidsOf(mapped: Record<string, unknown>): string[] {
	const list = toTextList(mapped.uuids);
	return Array.isArray(list) ? list.filter((uuid): uuid is string => typeof uuid === 'string') : [];
}

export type BuiltMember = { member: ValidMember } | { problems: MemberProblem[] };

export function buildMember(
	mapped: Record<string, unknown>,
	emptyFields: EmptyFields = 'leaveOut',
): BuiltMember {
	return validateMember(toMemberCandidate(mapped, emptyFields));
}

/** How a member is named in outcomes: `uuid 10377 (Anna Berg)`. */
export function describeMember(uuids: string[], name?: unknown): string {
	const id = uuids.length > 0 ? `uuid ${uuids.join(', ')}` : 'no uuid';
	const label = typeof name === 'string' ? name.trim() : '';
	return label ? `${id} (${label})` : id;
}
