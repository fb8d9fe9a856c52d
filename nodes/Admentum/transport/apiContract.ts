/**
 * Everything this package assumes about Admentum's API, in one place (see docs/apis.md: most of
 * it is assumed, not confirmed). If a customer's Admentum answers differently, correct it here.
 */
export const CREDENTIAL_TYPE = 'admentumApi';

export type ApiVariant = 'csv' | 'json';
export type Role = 'student' | 'teacher';

/** One person as one Admentum list gave them (a person in several schools comes once per school). */
export interface PersonRow {
	id: string;
	eid: string;
	guid: string;
	firstName: string;
	lastName: string;
	email: string | null;
	role: Role;
	schoolId: string;
	className: string | null;
	title: string | null;
	personnummer: string | null;
}

export interface SchoolRecord {
	id: string;
	name: string;
	code: string | null;
}

/** An address with /csv/ in its path (e.g. https://skola.admentum.se/api/csv/v1) is the CSV export API. */
export function variantOfAddress(address: string): ApiVariant {
	let path = address;
	try {
		path = new URL(address).pathname;
	} catch {
		// Not a full URL: look at the text as it is.
	}
	return /\/csv(\/|$)/i.test(path) ? 'csv' : 'json';
}

/** Field names, the same in CSV columns and JSON objects (snake_case, as the JSON API has them). */
export const FIELD = {
	id: 'id',
	eid: 'eid',
	guid: 'guid',
	firstName: 'first_name',
	lastName: 'last_name',
	email: 'email',
	schoolId: 'school_id',
	className: 'class_name',
	title: 'title',
	personnummer: 'personnummer',
	schoolName: 'name',
	schoolCode: 'code',
} as const;

/** Fields every person must have, whatever the options. */
export const REQUIRED_PERSON_FIELDS = [
	FIELD.id,
	FIELD.firstName,
	FIELD.lastName,
	FIELD.email,
] as const;
export const REQUIRED_SCHOOL_FIELDS = [FIELD.id, FIELD.schoolName] as const;

/** CSV variant: one request per list, people filtered by school. */
export const CSV_API = {
	schoolsPath: '/schools',
	peoplePath: { student: '/students', teacher: '/teachers' } satisfies Record<Role, string>,
	schoolQuery: 'school_id',
	/** CSV rows also need the school column (a person in several schools has one row per school). */
	requiredPersonColumns: [...REQUIRED_PERSON_FIELDS, FIELD.schoolId],
} as const;

/** JSON variant: Django REST framework lists `{count, next, previous, results}`, `next` an absolute URL. */
export const JSON_API = {
	schoolsPath: '/schools/',
	usersPath: '/users/',
	schoolQuery: 'school',
	roleQuery: 'role',
	/** `role` is an integer: students are 1 (confirmed), teachers 2 (assumed). */
	roleNumber: { student: 1, teacher: 2 } satisfies Record<Role, number>,
	pageSizeQuery: 'page_size',
	pageSize: 500,
	fixedQuery: { format: 'json' },
	resultsKey: 'results',
	nextKey: 'next',
} as const;

/** What Admentum's statuses mean for an admin (the rest are worded by the shared apiError). */
export const STATUS_WORDING: Partial<Record<number, string>> = {
	401: 'Admentum refused the API key. Check the key in the credential, and how it is sent (Token, Bearer or a custom header)',
	403: 'The API key is not allowed to read this. Ask the Admentum administrator to give the key read access to it',
	404: 'This address does not exist at Admentum. Check the API address in the credential: it should end in /api/csv/v1 or /api/v1',
};
