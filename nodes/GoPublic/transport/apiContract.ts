/**
 * Everything we know or assume about GoPublic's member import API, in one place (see docs/apis.md).
 * Confirmed: the endpoint, `x-api-key`, `Origin`, the `{members: [...]}` body, the member fields,
 * 403 = caller's IP not whitelisted. Assumed (marked below): the answer shapes and 401.
 * The simulator under test/ follows this module too, so correcting an assumption is one edit here.
 */

// The facts the credential needs too live in the credential, so that it imports nothing from nodes.
import {
	API_KEY_HEADER,
	IMPORT_PATH,
	STATUS_WORDING,
} from '../../../credentials/GoPublicApi.credentials';

export { API_KEY_HEADER, IMPORT_PATH, STATUS_WORDING };

/** Confirmed: the endpoint is built from the customer's domain this way. */
export function importUrlForDomain(domain: string): string {
	const host = domain
		.trim()
		.replace(/^https?:\/\//i, '')
		.replace(/\/.*$/, '')
		.replace(/^gapi\.admin\./i, '');
	return `https://gapi.admin.${host}${IMPORT_PATH}`;
}

/** Confirmed: optional member fields that hold text. */
export const OPTIONAL_TEXT_FIELDS = [
	'firstName',
	'surname',
	'memberId',
	'location',
	'title',
	'department',
	'phoneNumber',
	'mobileNumber',
	'secondaryEmail',
	'workDescription',
	'language',
	'avatar',
	'facebookLink',
	'linkedInLink',
	'instagramLink',
	'xLink',
	'additionalLink',
] as const;

/** Confirmed: ISO date-time fields. */
export const DATE_FIELDS = ['dateOfBirth', 'startDate'] as const;

/** Confirmed: boolean fields (GoPublic's text writes them as "true"; its script sends booleans). */
export const BOOLEAN_FIELDS = ['headOfDepartment', 'lockForDeletion'] as const;

/** Confirmed: arrays of `/`-separated paths; every level of a path is assigned. */
export const PATH_LIST_FIELDS = ['categories', 'organizations'] as const;

/** Confirmed: required when a member is created (`uuids` is required always). */
export const REQUIRED_ON_CREATE = ['name', 'email', 'fullName', 'roles'] as const;

export type OptionalTextField = (typeof OPTIONAL_TEXT_FIELDS)[number];
export type DateField = (typeof DATE_FIELDS)[number];
export type BooleanField = (typeof BOOLEAN_FIELDS)[number];
export type PathListField = (typeof PATH_LIST_FIELDS)[number];

/** One member as sent in `{members: [...]}`. */
export type MemberPayload = {
	uuids: string[];
	name?: string;
	email?: string;
	fullName?: string;
	roles?: string[];
} & {
	[K in OptionalTextField | DateField]?: string;
} & { [K in BooleanField]?: boolean } & { [K in PathListField]?: string[] };

export interface ImportRequestBody {
	members: MemberPayload[];
}

/** Assumed: what happened to one member, in the success answer. */
export type MemberStatus = 'created' | 'updated' | 'unchanged' | 'locked' | 'failed';

export interface MemberResult {
	/** Position of the member in the request's `members` array. */
	index: number;
	uuids: string[];
	status: MemberStatus;
	/** Why it failed, e.g. "role not found: Lærer". */
	message?: string;
}

/** Assumed: 200 answer to an import, a count per status plus one result per member. */
export interface ImportSummary {
	created: number;
	updated: number;
	unchanged: number;
	locked: number;
	failed: number;
	results: MemberResult[];
}

/** Assumed: one entry of a 400 validation answer. `index` is null when the body as a whole is wrong. */
export interface ValidationProblem {
	index: number | null;
	field: string;
	message: string;
}

/** Assumed: 400 answer: the whole batch is refused and nothing is written. */
export interface ValidationErrorBody {
	message: string;
	errors: ValidationProblem[];
}

/** Assumed: the message of a member whose role does not exist in GoPublic's back office. */
export const roleNotFoundMessage = (role: string) => `role not found: ${role}`;

/** The member field a per-member message is about, where the message says so (assumed wording). */
export function fieldOfMemberMessage(message: string | undefined): string | undefined {
	return message && /^role not found/i.test(message) ? 'roles' : undefined;
}

/**
 * Unknown: the body of a successful import is not documented. Any 2xx means the members were
 * received; a body of our assumed shape adds detail per member, anything else (other counts, an
 * empty body, text) adds nothing.
 */
export function isImportSummary(body: unknown): body is ImportSummary {
	return !!body && typeof body === 'object' && Array.isArray((body as ImportSummary).results);
}

/**
 * Assumed: how many members an answer counts as failed (its `failed`, a number), 0 when it says
 * none or has no such count. A 2xx that counts failures is not all success.
 */
export function countedFailures(body: unknown): number {
	const failed =
		body && typeof body === 'object' ? (body as { failed?: unknown }).failed : undefined;
	const count = typeof failed === 'string' && failed.trim() !== '' ? Number(failed) : failed;
	return typeof count === 'number' && Number.isFinite(count) && count > 0 ? Math.ceil(count) : 0;
}

/** The counts an answer gives, in its own words, e.g. `created 2, failed 1`. */
export function countsText(body: unknown): string {
	if (!body || typeof body !== 'object') return 'no counts';
	const counts = Object.entries(body as Record<string, unknown>)
		.filter(([, value]) => typeof value === 'number')
		.map(([name, value]) => `${name} ${String(value)}`);
	return counts.length > 0 ? counts.join(', ') : 'no counts';
}

/** A validation problem's index when it is the position of a member of a batch of `size`. */
export const isMemberIndex = (index: unknown, size: number): index is number =>
	Number.isInteger(index) && (index as number) >= 0 && (index as number) < size;

const MEMBER_STATUSES: readonly string[] = [
	'created',
	'updated',
	'unchanged',
	'locked',
	'failed',
] satisfies MemberStatus[];

export const isMemberStatus = (value: unknown): value is MemberStatus =>
	typeof value === 'string' && MEMBER_STATUSES.includes(value);

export function validationProblems(body: unknown): ValidationProblem[] {
	const errors =
		body && typeof body === 'object' ? (body as ValidationErrorBody).errors : undefined;
	return Array.isArray(errors) ? errors : [];
}

/** The credential fields that locate the import (see GoPublicApi.credentials.ts). */
export interface ImportAddress {
	addressType?: unknown;
	domain?: unknown;
	endpoint?: unknown;
}

export function importUrl(credentials: ImportAddress): string {
	if (credentials.addressType === 'endpoint') return String(credentials.endpoint ?? '').trim();
	return importUrlForDomain(String(credentials.domain ?? ''));
}
