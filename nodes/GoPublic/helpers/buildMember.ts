/**
 * Turns the values an admin mapped for one item into a GoPublic member: each field in its form
 * (lists, booleans, ISO dates), empty fields left out, then checked by the schema. Pure.
 */
import { BOOLEAN_FIELDS, DATE_FIELDS, OPTIONAL_TEXT_FIELDS, PATH_LIST_FIELDS } from '../transport/apiContract';
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

/** The mapped values in GoPublic's forms; unknown field names are dropped, empty values left out. */
export function toMemberCandidate(mapped: Record<string, unknown>): Record<string, unknown> {
	const candidate: Record<string, unknown> = {};
	for (const [field, value] of Object.entries(mapped)) {
		const form = FORMS[field];
		if (!form) continue;
		const converted = form(value);
		if (converted !== undefined) candidate[field] = converted;
	}
	return candidate;
}

/** The uuids of a mapped item as far as they can be read, even when the rest is invalid. */
export function uuidsOf(mapped: Record<string, unknown>): string[] {
	const list = toTextList(mapped.uuids);
	return Array.isArray(list) ? list.filter((uuid): uuid is string => typeof uuid === 'string') : [];
}

export type BuiltMember = { member: ValidMember } | { problems: MemberProblem[] };

export function buildMember(mapped: Record<string, unknown>): BuiltMember {
	return validateMember(toMemberCandidate(mapped));
}

/** How a member is named in outcomes: `uuid 10377 (Anna Berg)`. */
export function describeMember(uuids: string[], name?: unknown): string {
	const id = uuids.length > 0 ? `uuid ${uuids.join(', ')}` : 'no uuid';
	const label = typeof name === 'string' ? name.trim() : '';
	return label ? `${id} (${label})` : id;
}
