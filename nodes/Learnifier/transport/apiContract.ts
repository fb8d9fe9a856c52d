/**
 * Every detail of Learnifier's Public API that our node relies on, in one place (see docs/apis.md:
 * what is confirmed and what is assumed). Correcting an assumption is a change to this file only.
 */
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
