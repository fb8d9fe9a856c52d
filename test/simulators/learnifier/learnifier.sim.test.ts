/**
 * The Learnifier simulator against docs/apis.md: one test per documented rule, named
 * after it, so that a change to the simulator cannot drift silently from the API it stands for.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { generatePeople } from '../seed/people';
import {
	LEARNIFIER_LIMITED_KEY,
	LEARNIFIER_LIMITED_SECRET,
	LEARNIFIER_TEST_KEY,
	LEARNIFIER_TEST_SECRET,
	learnifierRealmFrom,
	startLearnifierSimulator,
	type LearnifierSimulator,
	type LearnifierUser,
} from './learnifierSimulator';

const world = generatePeople({ seed: 3, count: 30 });
const realm = learnifierRealmFrom(world.people, { admins: 2 });
const basic = (key: string, secret: string) =>
	'Basic ' + Buffer.from(`${key}:${secret}`).toString('base64');
const GOOD_AUTH = basic(LEARNIFIER_TEST_KEY, LEARNIFIER_TEST_SECRET);

let sim: LearnifierSimulator;

async function call(
	method: string,
	path: string,
	body?: unknown,
	authorization: string | null = GOOD_AUTH,
) {
	const headers: Record<string, string> = {};
	if (authorization) headers.authorization = authorization;
	if (body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(sim.url + path, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: text ? (JSON.parse(text) as unknown) : undefined,
	};
}

const userWithEmail = () => realm.find((u) => u.externalId && u.primaryEmail)!;
const otherUserWithEmail = () => realm.filter((u) => u.externalId && u.primaryEmail)[1];

describe('Learnifier simulator (docs/apis.md)', () => {
	before(async () => {
		sim = await startLearnifierSimulator({ users: realm });
	});
	after(async () => sim.close());
	beforeEach(() => sim.reset());

	describe('authentication: HTTP Basic with an API key and secret', () => {
		it('a missing Authorization header gets 401 with an error body', async () => {
			const answer = await call('GET', '/users', undefined, null);
			assert.equal(answer.status, 401);
			assert.deepEqual(Object.keys(answer.body as object).sort(), ['code', 'field', 'message']);
		});
		it('a wrong secret gets 401', async () => {
			assert.equal(
				(await call('GET', '/users', undefined, basic(LEARNIFIER_TEST_KEY, 'wrong'))).status,
				401,
			);
		});
		it('user sync needs Back Office keys: a key without realm-wide access gets 403', async () => {
			const answer = await call(
				'GET',
				'/users?limit=1',
				undefined,
				basic(LEARNIFIER_LIMITED_KEY, LEARNIFIER_LIMITED_SECRET),
			);
			assert.equal(answer.status, 403);
		});
	});

	describe('GET /users?limit=&offset=', () => {
		it('returns a plain JSON array with paging in X-More, X-Size, X-Offset, X-Limit', async () => {
			const answer = await call('GET', '/users?limit=10&offset=5');
			assert.ok(Array.isArray(answer.body));
			assert.equal((answer.body as LearnifierUser[]).length, 10);
			assert.equal(answer.headers.get('x-more'), 'true');
			assert.equal(answer.headers.get('x-size'), String(realm.length));
			assert.equal(answer.headers.get('x-offset'), '5');
			assert.equal(answer.headers.get('x-limit'), '10');
		});
		it('X-More is false on the last page', async () => {
			const answer = await call('GET', `/users?limit=10&offset=${realm.length - 3}`);
			assert.equal((answer.body as LearnifierUser[]).length, 3);
			assert.equal(answer.headers.get('x-more'), 'false');
		});
		it('default limit is 5000', async () => {
			const answer = await call('GET', '/users');
			assert.equal(answer.headers.get('x-limit'), '5000');
			assert.equal((answer.body as LearnifierUser[]).length, realm.length);
		});
		it('pages put together give every user exactly once', async () => {
			const seen: string[] = [];
			for (let offset = 0, more = true; more; offset += 7) {
				const answer = await call('GET', `/users?limit=7&offset=${offset}`);
				seen.push(...(answer.body as LearnifierUser[]).map((u) => u.id));
				more = answer.headers.get('x-more') === 'true';
			}
			assert.deepEqual(
				seen,
				realm.map((u) => u.id),
			);
		});
	});

	describe('user fields', () => {
		it('a user has id, externalId, firstName, lastName, displayName, primaryEmail, hardLock, locked, homeOrg, locale', async () => {
			const answer = await call('GET', `/users/${realm[0].id}`);
			assert.deepEqual(Object.keys(answer.body as object).sort(), [
				'displayName',
				'externalId',
				'firstName',
				'hardLock',
				'homeOrg',
				'id',
				'lastName',
				'locale',
				'locked',
				'primaryEmail',
			]);
		});
		it('admins created by hand have no externalId', async () => {
			const admins = sim.state.users.all().filter((u) => u.externalId === null);
			assert.equal(admins.length, 2);
		});
	});

	describe('GET /users/{id}', () => {
		it('returns the user', async () => {
			assert.deepEqual((await call('GET', `/users/${realm[3].id}`)).body, realm[3]);
		});
		it('answers 404 for an unknown id', async () => {
			assert.equal((await call('GET', '/users/no-such-id')).status, 404);
		});
	});

	describe('GET /extuser?extid=X', () => {
		it('returns the user with that external id', async () => {
			const answer = await call('GET', `/extuser?extid=${realm[4].externalId}`);
			assert.deepEqual(answer.body, realm[4]);
		});
		it('returns 404 when no user has it', async () => {
			assert.equal((await call('GET', '/extuser?extid=nobody')).status, 404);
		});
		it('external ids are case-sensitive', async () => {
			await call('POST', '/users', { externalId: 'Abc-1', firstName: 'A', lastName: 'B' });
			assert.equal((await call('GET', '/extuser?extid=Abc-1')).status, 200);
			assert.equal((await call('GET', '/extuser?extid=abc-1')).status, 404);
		});
	});

	describe('POST /users', () => {
		it('answers 200 {userId} and stores every field sent', async () => {
			const body = {
				externalId: 'new-1',
				firstName: 'Åsa',
				lastName: 'Öberg',
				displayName: 'Åsa Ö',
				primaryEmail: 'asa@example.se',
				locale: 'sv',
				homeOrg: 'Skolan',
				hardLock: false,
			};
			const answer = await call('POST', '/users', body);
			assert.equal(answer.status, 200);
			const { userId } = answer.body as { userId: string };
			assert.deepEqual(sim.state.users.get(userId), { id: userId, locked: false, ...body });
		});
		it('answers 409 when the e-mail is already taken, compared without case', async () => {
			const taken = userWithEmail().primaryEmail!.toUpperCase();
			const answer = await call('POST', '/users', {
				externalId: 'new-2',
				firstName: 'A',
				lastName: 'B',
				primaryEmail: taken,
			});
			assert.equal(answer.status, 409);
			assert.equal((answer.body as { field: string }).field, 'primaryEmail');
			assert.equal(sim.state.users.findByExternalId('new-2'), undefined);
		});
		it('refuses an invalid value with 400 naming the field', async () => {
			const answer = await call('POST', '/users', {
				externalId: 'new-3',
				primaryEmail: 'not an address',
			});
			assert.equal(answer.status, 400);
			assert.equal((answer.body as { field: string }).field, 'primaryEmail');
		});
	});

	describe('PATCH /users/{id}', () => {
		it('writes the keys present, leaves absent keys alone, answers 201', async () => {
			const user = realm[5];
			const answer = await call('PATCH', `/users/${user.id}`, { lastName: 'Nyström' });
			assert.equal(answer.status, 201);
			assert.deepEqual(sim.state.users.get(user.id), { ...user, lastName: 'Nyström' });
		});
		it('clears keys sent empty or null', async () => {
			const user = userWithEmail();
			await call('PATCH', `/users/${user.id}`, { primaryEmail: null, displayName: '' });
			const stored = sim.state.users.get(user.id)!;
			assert.equal(stored.primaryEmail, null);
			assert.equal(stored.displayName, null);
			assert.equal(stored.firstName, user.firstName);
		});
		it('answers 409 on an e-mail conflict (any case)', async () => {
			const [user, other] = [userWithEmail(), otherUserWithEmail()];
			const answer = await call('PATCH', `/users/${user.id}`, {
				primaryEmail: other.primaryEmail!.toUpperCase(),
			});
			assert.equal(answer.status, 409);
			assert.equal(sim.state.users.get(user.id)!.primaryEmail, user.primaryEmail);
		});
		it('autoClearEmail=true clears the e-mail on the other user, so the update succeeds', async () => {
			const [user, other] = [userWithEmail(), otherUserWithEmail()];
			const answer = await call('PATCH', `/users/${user.id}?autoClearEmail=true`, {
				primaryEmail: other.primaryEmail,
			});
			assert.equal(answer.status, 201);
			assert.equal(sim.state.users.get(user.id)!.primaryEmail, other.primaryEmail);
			assert.equal(sim.state.users.get(other.id)!.primaryEmail, null);
			assert.equal(sim.state.users.findByEmail(other.primaryEmail!)!.id, user.id);
		});
		it('locking is PATCH with hardLock: true', async () => {
			await call('PATCH', `/users/${realm[6].id}`, { hardLock: true });
			assert.equal(sim.state.users.get(realm[6].id)!.hardLock, true);
			await call('PATCH', `/users/${realm[6].id}`, { hardLock: false });
			assert.equal(sim.state.users.get(realm[6].id)!.hardLock, false);
		});
	});

	describe('DELETE /users/{id}', () => {
		it('answers 204 and the user is gone', async () => {
			const user = realm[7];
			assert.equal((await call('DELETE', `/users/${user.id}`)).status, 204);
			assert.equal((await call('GET', `/users/${user.id}`)).status, 404);
			assert.equal((await call('GET', `/extuser?extid=${user.externalId}`)).status, 404);
			assert.equal(sim.state.users.size, realm.length - 1);
		});
	});

	describe('fault switches, request log and reset', () => {
		it('rate limit: 429 with Retry-After in seconds', async () => {
			sim.setFaults({ rateLimitPerSecond: 2 });
			const statuses = [];
			for (let i = 0; i < 3; i++) statuses.push(await call('GET', '/users?limit=1'));
			assert.deepEqual(
				statuses.map((a) => a.status),
				[200, 200, 429],
			);
			assert.match(statuses[2].headers.get('retry-after')!, /^\d+$/);
		});
		it('429 with Retry-After as an HTTP date', async () => {
			sim.setFaults({ errorShare: 1, errorStatuses: [429], retryAfterForm: 'date' });
			const answer = await call('GET', '/users?limit=1');
			assert.equal(answer.status, 429);
			assert.ok(Date.parse(answer.headers.get('retry-after')!) > Date.now() - 1000);
		});
		it('a share of 5xx answers', async () => {
			sim.setFaults({ errorShare: 0.5, errorStatuses: [503], seed: 9 });
			const statuses = [];
			for (let i = 0; i < 40; i++) statuses.push((await call('GET', '/users?limit=1')).status);
			const failed = statuses.filter((s) => s === 503).length;
			assert.ok(failed > 8 && failed < 32, `${failed} of 40 were 503`);
			assert.ok(statuses.every((s) => s === 200 || s === 503));
		});
		it('a dropped connection after the write: the user exists, the caller got no answer', async () => {
			sim.setFaults({ dropShare: 1, dropWhen: 'after' });
			await assert.rejects(
				call('POST', '/users', { externalId: 'lost-1', firstName: 'A', lastName: 'B' }),
			);
			sim.setFaults({ dropShare: 0 });
			assert.ok(sim.state.users.findByExternalId('lost-1'));
			assert.deepEqual(sim.requests.at(-1), { method: 'POST', path: '/users', status: 0 });
		});
		it('the request log holds method, path and status; reset restores the seed and clears it', async () => {
			await call('DELETE', `/users/${realm[0].id}`);
			assert.deepEqual(sim.requests, [
				{ method: 'DELETE', path: `/users/${realm[0].id}`, status: 204 },
			]);
			sim.reset();
			assert.equal(sim.requests.length, 0);
			assert.equal(sim.state.users.size, realm.length);
		});
	});
});

describe('Learnifier simulator at realm scale', () => {
	it('a 100,000-user realm pages out completely with the default limit (timed in test/bench/learnifier-paging.bench.ts)', async () => {
		const big = learnifierRealmFrom(generatePeople({ seed: 5, count: 100_000 }).people);
		const large = await startLearnifierSimulator({ users: big });
		try {
			const ids = new Set<string>();
			let pages = 0;
			for (let offset = 0, more = true; more; pages++) {
				const response = await fetch(`${large.url}/users?offset=${offset}`, {
					headers: { authorization: GOOD_AUTH },
				});
				const page = (await response.json()) as LearnifierUser[];
				for (const user of page) ids.add(user.id);
				offset += page.length;
				more = response.headers.get('x-more') === 'true';
			}
			assert.equal(ids.size, 100_000);
			assert.equal(pages, 20);
		} finally {
			await large.close();
		}
	});
});
