/**
 * Every detail of Learnifier's Public API that our node relies on, in one place (see docs/apis.md:
 * what is confirmed and what is assumed). Correcting an assumption is a change to this file only.
 */
import type { IDataObject } from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'learnifierApi';

export const PATHS = {
	users: '/users',
	user: (id: string) => `/users/${encodeURIComponent(id)}`,
	userByExternalId: '/extuser',
} as const;

export const QUERY = {
	limit: 'limit',
	offset: 'offset',
	externalId: 'extid',
	/** assumed: a query parameter, 'true' to move the e-mail from the user that holds it. */
	autoClearEmail: 'autoClearEmail',
} as const;

/** Paging headers of GET /users (lower case: how n8n hands headers over). */
export const PAGING_HEADERS = { more: 'x-more' } as const;

export const DEFAULT_PAGE_SIZE = 5000;

export const STATUS = {
	notFound: 404,
	/** E-mail already used by another user (POST and PATCH). */
	conflict: 409,
} as const;

/** POST /users answers `{ userId }`. */
export const CREATED_ID_FIELD = 'userId';

/** Error bodies are `{ code, message, field }`. */
export interface LearnifierErrorBody {
	code?: number;
	message?: string;
	field?: string | null;
}

/** A user as Learnifier's API returns it. */
export interface LearnifierUser extends IDataObject {
	id: string;
	externalId: string | null;
	firstName: string | null;
	lastName: string | null;
	displayName: string | null;
	primaryEmail: string | null;
	locale: string | null;
	homeOrg: string | null;
	hardLock: boolean;
	locked: boolean;
}

/** The keys a create or update sends, with the values to write (null clears). */
export type UserChanges = Partial<Record<WritableField, string | boolean | null>>;

export type WritableField =
	| 'externalId'
	| 'firstName'
	| 'lastName'
	| 'displayName'
	| 'primaryEmail'
	| 'locale'
	| 'homeOrg'
	| 'hardLock';
