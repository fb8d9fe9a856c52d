/**
 * A local Learnifier Public API (users), as docs/apis.md describes it:
 *
 *   GET    /users?limit=&offset=   plain array; X-More, X-Size (users in the realm), X-Offset, X-Limit
 *   GET    /users/{id}             the user, or 404
 *   GET    /extuser?extid=         the user with that external id (case-sensitive), or 404
 *   POST   /users                  200 {userId}; 409 when the e-mail is taken (any case)
 *   PATCH  /users/{id}             writes the keys present, null or '' clears; 201;
 *                                  409 on an e-mail conflict unless ?autoClearEmail=true
 *   DELETE /users/{id}             204
 *
 * HTTP Basic with a key and secret; a key that is not a Back Office key gets 403 (no realm-wide
 * access). Errors are `{code, message, field}`.
 */
import { randomUUID } from 'node:crypto';

import {
	startSimulator,
	type RunningSimulator,
	type SimRequest,
	type SimResponse,
} from '../kit/simulatorServer';
import { UserStore, WRITABLE_FIELDS, type LearnifierUser, type WritableField } from './realm';

export { learnifierRealmFrom, type LearnifierUser } from './realm';

export const LEARNIFIER_TEST_KEY = 'sim-backoffice-key';
export const LEARNIFIER_TEST_SECRET = 'sim-backoffice-secret-7Hq2';
/** A valid key pair without Back Office (realm-wide) rights: every user endpoint answers 403. */
export const LEARNIFIER_LIMITED_KEY = 'sim-course-key';
export const LEARNIFIER_LIMITED_SECRET = 'sim-course-secret-4Lp9';

export const DEFAULT_PAGE_LIMIT = 5000;
const MAX_EXTERNAL_ID_LENGTH = 255;

export interface LearnifierState {
	users: UserStore;
}

export type LearnifierSimulator = RunningSimulator<LearnifierState>;

const error = (status: number, message: string, field: string | null = null): SimResponse => ({
	status,
	body: { code: status, message, field },
});

function credentialsOf(request: SimRequest): [string, string] | undefined {
	const header = request.headers.authorization;
	if (!header?.startsWith('Basic ')) return undefined;
	const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	return colon < 0 ? undefined : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function authorize(request: SimRequest): SimResponse | undefined {
	const [key, secret] = credentialsOf(request) ?? [];
	if (key === LEARNIFIER_TEST_KEY && secret === LEARNIFIER_TEST_SECRET) return undefined;
	if (key === LEARNIFIER_LIMITED_KEY && secret === LEARNIFIER_LIMITED_SECRET) {
		return error(403, 'This API key has no realm-wide (Back Office) access');
	}
	return {
		...error(401, 'Invalid API key or secret'),
		headers: { 'WWW-Authenticate': 'Basic realm="Learnifier"' },
	};
}

function parseJsonObject(request: SimRequest): Record<string, unknown> | SimResponse {
	try {
		const body = JSON.parse(request.bodyText || 'null') as unknown;
		if (body && typeof body === 'object' && !Array.isArray(body))
			return body as Record<string, unknown>;
	} catch {}
	return error(400, 'The body must be a JSON object');
}

const isResponse = (value: unknown): value is SimResponse =>
	typeof value === 'object' &&
	value !== null &&
	'status' in value &&
	typeof (value as SimResponse).status === 'number';

/** The writable fields of a body, with '' and null meaning "clear". Refuses invalid values. */
function readChanges(body: Record<string, unknown>): Partial<LearnifierUser> | SimResponse {
	const changes: Record<string, unknown> = {};
	for (const field of WRITABLE_FIELDS) {
		if (!(field in body)) continue;
		const value = body[field];
		if (field === 'hardLock') {
			if (value !== null && typeof value !== 'boolean')
				return error(400, 'hardLock must be true or false', field);
			changes.hardLock = value === true;
			continue;
		}
		if (value !== null && typeof value !== 'string')
			return error(400, `${field} must be text`, field);
		changes[field] = value === '' ? null : value;
	}
	const { primaryEmail, externalId } = changes as Partial<Record<WritableField, string | null>>;
	if (typeof primaryEmail === 'string' && !/^[^\s@]+@[^\s@]+$/.test(primaryEmail)) {
		return error(400, `"${primaryEmail}" is not a valid e-mail address`, 'primaryEmail');
	}
	if (typeof externalId === 'string' && externalId.length > MAX_EXTERNAL_ID_LENGTH) {
		return error(
			400,
			`externalId is longer than ${MAX_EXTERNAL_ID_LENGTH} characters`,
			'externalId',
		);
	}
	return changes as Partial<LearnifierUser>;
}

const emailTaken = (email: string) =>
	error(409, `The e-mail address ${email} is already in use`, 'primaryEmail');

function nonNegativeInteger(text: string | null, fallback: number): number | undefined {
	if (text === null || text === '') return fallback;
	return /^\d+$/.test(text) ? Number(text) : undefined;
}

export async function startLearnifierSimulator(
	options: { port?: number; users?: readonly LearnifierUser[] } = {},
): Promise<LearnifierSimulator> {
	const seedUsers = options.users ?? [];
	let sim: LearnifierSimulator;
	const users = () => sim.state.users;
	const userById = (request: SimRequest) => users().get(request.params.id);

	sim = await startSimulator<LearnifierState>(
		{
			name: 'learnifier',
			authorize,
			seed: () => ({ users: new UserStore(seedUsers) }),
			describeState: (state) => ({ users: state.users.all() }),
			routes: [
				{
					method: 'GET',
					pattern: '/users',
					handle(request) {
						const limit = nonNegativeInteger(request.query.get('limit'), DEFAULT_PAGE_LIMIT);
						const offset = nonNegativeInteger(request.query.get('offset'), 0);
						if (limit === undefined || limit === 0)
							return error(400, 'limit must be a positive whole number', 'limit');
						if (offset === undefined) return error(400, 'offset must be a whole number', 'offset');
						const page = users().page(offset, limit);
						return {
							status: 200,
							headers: {
								'X-More': String(offset + page.length < users().size),
								'X-Size': String(users().size),
								'X-Offset': String(offset),
								'X-Limit': String(limit),
							},
							body: page,
						};
					},
				},
				{
					method: 'GET',
					pattern: '/users/:id',
					handle(request) {
						const user = userById(request);
						return user
							? { status: 200, body: user }
							: error(404, `No user with id ${request.params.id}`);
					},
				},
				{
					method: 'GET',
					pattern: '/extuser',
					handle(request) {
						const extid = request.query.get('extid');
						if (!extid) return error(400, 'extid is required', 'extid');
						const user = users().findByExternalId(extid);
						return user
							? { status: 200, body: user }
							: error(404, `No user with external id ${extid}`, 'extid');
					},
				},
				{
					method: 'POST',
					pattern: '/users',
					handle(request) {
						const body = parseJsonObject(request);
						if (isResponse(body)) return body;
						const changes = readChanges(body);
						if (isResponse(changes)) return changes;
						if (changes.primaryEmail && users().findByEmail(changes.primaryEmail))
							return emailTaken(changes.primaryEmail);
						const user: LearnifierUser = {
							id: randomUUID(),
							externalId: null,
							firstName: null,
							lastName: null,
							displayName: null,
							primaryEmail: null,
							locale: null,
							homeOrg: null,
							hardLock: false,
							locked: false,
							...changes,
						};
						users().insert(user);
						return { status: 200, body: { userId: user.id } };
					},
				},
				{
					method: 'PATCH',
					pattern: '/users/:id',
					handle(request) {
						const user = userById(request);
						if (!user) return error(404, `No user with id ${request.params.id}`);
						const body = parseJsonObject(request);
						if (isResponse(body)) return body;
						const changes = readChanges(body);
						if (isResponse(changes)) return changes;
						const holder = changes.primaryEmail
							? users().findByEmail(changes.primaryEmail)
							: undefined;
						if (holder && holder !== user) {
							if (request.query.get('autoClearEmail') !== 'true')
								return emailTaken(changes.primaryEmail!);
							users().write(holder, { primaryEmail: null });
						}
						users().write(user, changes);
						return { status: 201 };
					},
				},
				{
					method: 'DELETE',
					pattern: '/users/:id',
					handle(request) {
						const user = userById(request);
						if (!user) return error(404, `No user with id ${request.params.id}`);
						users().remove(user);
						return { status: 204 };
					},
				},
			],
		},
		{ port: options.port },
	);
	return sim;
}
