/**
 * The SS 12000 simulator over HTTP against what it stands for (Skolverket's reference API and the
 * standard, docs/apis.md): the token endpoint, Bearer tokens, paging with limit and pageToken, the
 * `organisations` quirk, the filters, and the switches tests use to make it misbehave.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { generatePeople } from '../seed/people';
import {
	classGroupUuid,
	EPPN_DOMAIN,
	LEGACY_ID_CONTEXT,
	ORGANISER_UUID,
	personUuid,
	schoolUnitUuid,
} from './seedSs12000';
import {
	PAGE_SIZE,
	SS12000_API_PATH,
	SS12000_CLIENT_ID,
	SS12000_CLIENT_SECRET,
	SS12000_FIXED_TOKEN,
	SS12000_LIMITED_CLIENT_ID,
	SS12000_LIMITED_CLIENT_SECRET,
	SS12000_TOKEN_PATH,
	startSs12000Simulator,
	type Ss12000Simulator,
} from './ss12000Simulator';

let sim: Ss12000Simulator;
before(
	async () =>
		(sim = await startSs12000Simulator({
			world: generatePeople({ seed: 3, count: 300, schoolCount: 3 }),
		})),
);
after(() => sim.close());
afterEach(() => sim.reset());

type Json = Record<string, unknown>;
const bearer = (token = SS12000_FIXED_TOKEN) => ({ Authorization: `Bearer ${token}` });
const get = (path: string, headers: Record<string, string> = bearer()) =>
	fetch(sim.origin + SS12000_API_PATH + path, { headers });
const json = async (path: string, headers?: Record<string, string>) => {
	const answer = await get(path, headers);
	assert.equal(answer.status, 200, `${path}: ${answer.status}`);
	return (await answer.json()) as Json;
};
const basic = (id: string, secret: string) =>
	`Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const tokenRequest = (form: Record<string, string>, headers: Record<string, string> = {}) =>
	fetch(sim.tokenUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(form).toString(),
	});
const tokenFor = async (id = SS12000_CLIENT_ID, secret = SS12000_CLIENT_SECRET) => {
	const answer = await tokenRequest(
		{ grant_type: 'client_credentials' },
		{ Authorization: basic(id, secret) },
	);
	assert.equal(answer.status, 200);
	return ((await answer.json()) as Json).access_token as string;
};

/** Every page of a list, following pageToken until it is null; the pages' sizes too. */
async function allPages(path: string, limit: number) {
	const records: Json[] = [];
	const sizes: number[] = [];
	let page = await json(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}`);
	for (;;) {
		const list = page.data as Json[];
		records.push(...list);
		sizes.push(list.length);
		if (page.pageToken === null) return { records, sizes };
		assert.equal(typeof page.pageToken, 'string');
		page = await json(
			`/${path.split('?')[0].replace(/^\//, '')}?limit=${limit}&pageToken=${String(page.pageToken)}`,
		);
	}
}

const world = () => sim.state.world;
const students = (schoolId: number) =>
	world().people.filter((p) => p.role === 'student' && p.schoolIds[0] === schoolId);
const staff = (schoolId: number) =>
	world().people.filter((p) => p.role === 'teacher' && p.schoolIds.includes(schoolId));

describe('the token endpoint (OAuth2 client credentials)', () => {
	test('a token for the client by Basic auth or in the form; it reads the API', async () => {
		const byHeader = await tokenRequest(
			{ grant_type: 'client_credentials' },
			{ Authorization: basic(SS12000_CLIENT_ID, SS12000_CLIENT_SECRET) },
		);
		const given = (await byHeader.json()) as Json;
		assert.deepEqual(
			[given.token_type, given.expires_in, String(given.access_token).startsWith('ss12k-at-')],
			['Bearer', 3600, true],
		);
		const inBody = await tokenRequest({
			grant_type: 'client_credentials',
			client_id: SS12000_CLIENT_ID,
			client_secret: SS12000_CLIENT_SECRET,
		});
		assert.equal(inBody.status, 200);
		assert.equal(sim.state.tokensGiven.length, 2);
		assert.equal((await get('/persons?limit=1', bearer(String(given.access_token)))).status, 200);
	});

	test('refuses a wrong secret, an unknown client and another grant type', async () => {
		const wrong = await tokenRequest(
			{ grant_type: 'client_credentials' },
			{ Authorization: basic(SS12000_CLIENT_ID, 'wrong') },
		);
		assert.equal(wrong.status, 401);
		assert.deepEqual(await wrong.json(), {
			error: 'invalid_client',
			error_description: 'Client authentication failed',
		});
		const unknown = await tokenRequest({
			grant_type: 'client_credentials',
			client_id: 'nobody',
			client_secret: 'x',
		});
		assert.equal(unknown.status, 401);
		const password = await tokenRequest(
			{ grant_type: 'password' },
			{ Authorization: basic(SS12000_CLIENT_ID, SS12000_CLIENT_SECRET) },
		);
		assert.equal(password.status, 400);
		assert.deepEqual(await password.json(), { error: 'unsupported_grant_type' });
		assert.equal(sim.state.tokensGiven.length, 0);
	});

	test('refuseClients: the client is refused and every token it was given stops working', async () => {
		const token = await tokenFor();
		sim.configure({ refuseClients: true });
		const refused = await tokenRequest(
			{ grant_type: 'client_credentials' },
			{ Authorization: basic(SS12000_CLIENT_ID, SS12000_CLIENT_SECRET) },
		);
		assert.equal(refused.status, 401);
		assert.equal(((await refused.json()) as Json).error, 'invalid_client');
		assert.equal((await get('/organisations', bearer(token))).status, 401);
	});
});

describe('Bearer tokens', () => {
	test('401 without a token, with an unknown one, an expired one, and a revoked one', async () => {
		const missing = await get('/organisations', {});
		assert.equal(missing.status, 401);
		assert.deepEqual(await missing.json(), {
			code: 'Unauthorized',
			message: 'Bearer token saknas',
		});
		const unknown = await get('/organisations', bearer('nope'));
		assert.equal(unknown.status, 401);
		assert.deepEqual(await unknown.json(), {
			code: 'Unauthorized',
			message: 'Ogiltig eller utgången token',
		});
		sim.configure({ tokenLifetimeSeconds: -1 });
		assert.equal((await get('/organisations', bearer(await tokenFor()))).status, 401, 'expired');
		sim.configure({ tokenLifetimeSeconds: 3600 });
		const token = await tokenFor();
		assert.equal((await get('/organisations', bearer(token))).status, 200);
		const revoked = await fetch(`${sim.origin}/__sim/ss12000/revoke-tokens`, { method: 'POST' });
		assert.deepEqual(await revoked.json(), { revoked: true });
		assert.equal((await get('/organisations', bearer(token))).status, 401, 'revoked');
		assert.equal((await get('/organisations')).status, 200, 'the fixed token always works');
	});

	test("the limited client's tokens read organisations and get 403 on the rest", async () => {
		const token = await tokenFor(SS12000_LIMITED_CLIENT_ID, SS12000_LIMITED_CLIENT_SECRET);
		assert.equal((await get('/organisations', bearer(token))).status, 200);
		for (const path of ['/persons', `/groups?organisation=${schoolUnitUuid(101)}`]) {
			const answer = await get(path, bearer(token));
			assert.equal(answer.status, 403, path);
			assert.deepEqual(await answer.json(), { code: 'Forbidden', message: 'Åtkomst nekad' });
		}
	});
});

describe('organisations', () => {
	test("the reference API's quirk: { organisations: [...] } unpaged, without organisationType", async () => {
		const body = await json('/organisations?limit=1');
		assert.deepEqual(Object.keys(body), ['organisations']);
		assert.deepEqual(body.organisations, [
			{ id: ORGANISER_UUID, displayName: 'Exempel kommun' },
			...world().schools.map((s) => ({
				id: schoolUnitUuid(s.id),
				displayName: s.name,
				schoolUnitCode: String(10_000_000 + s.id),
			})),
		]);
	});

	test("organisationsKey 'data': paged { data, pageToken } with organisationType", async () => {
		sim.configure({ organisationsKey: 'data' });
		const { records, sizes } = await allPages('/organisations', 2);
		assert.deepEqual(sizes, [2, 2]);
		assert.deepEqual(
			records.map((r) => [r.id, r.organisationType]),
			[
				[ORGANISER_UUID, 'Huvudman'],
				...world().schools.map((s) => [schoolUnitUuid(s.id), 'Skolenhet']),
			],
		);
	});
});

describe('persons and paging', () => {
	test('limit + pageToken walk the whole list once, and pageToken is null on the last page', async () => {
		const { records, sizes } = await allPages('/persons', 70);
		assert.equal(records.length, world().people.length);
		assert.deepEqual(
			records.map((r) => r.id),
			world().people.map((p) => personUuid(p.id)),
		);
		assert.deepEqual(sizes, [70, 70, 70, 70, 20]);
		const last = await json(`/persons?limit=${world().people.length}`);
		assert.equal(last.pageToken, null);
	});

	test('without limit a page holds the default 100; maxPageSize caps what limit asks for', async () => {
		assert.equal(((await json('/persons')).data as Json[]).length, PAGE_SIZE.default);
		sim.configure({ maxPageSize: 25 });
		assert.equal(((await json('/persons?limit=1000')).data as Json[]).length, 25);
	});

	test('400 for a filter sent with a pageToken, a pageToken that is not one, and a bad limit', async () => {
		const first = await json(`/persons?relationship.entity.type=enrolment&limit=5`);
		const withFilter = await get(
			`/persons?relationship.entity.type=enrolment&pageToken=${String(first.pageToken)}`,
		);
		assert.equal(withFilter.status, 400);
		assert.deepEqual(await withFilter.json(), {
			code: 'BadRequest',
			message: 'Filter kan inte kombineras med pageToken',
		});
		assert.equal((await get('/persons?pageToken=garbage')).status, 400);
		assert.equal((await get('/persons?limit=0')).status, 400);
		assert.equal((await get('/persons?limit=abc')).status, 400);
	});

	test('students by enrolment, staff by duty, over every page; duties only with expand=duties', async () => {
		const unit = schoolUnitUuid(102);
		const enrolled = await allPages(
			`/persons?relationship.entity.type=enrolment&relationship.organisation=${unit}`,
			9,
		);
		assert.deepEqual(
			enrolled.records.map((r) => r.id),
			students(102).map((p) => personUuid(p.id)),
		);
		assert.ok(enrolled.sizes.length > 1);
		assert.ok(enrolled.records.every((r) => !('duties' in r)));

		const onDuty = await allPages(
			`/persons?relationship.entity.type=duty&relationship.organisation=${unit}&expand=duties`,
			4,
		);
		assert.deepEqual(
			onDuty.records.map((r) => r.id),
			staff(102).map((p) => personUuid(p.id)),
		);
		assert.ok(
			onDuty.records.every((r) =>
				(r.duties as Array<{ dutyAt: { id: string } }>).some((d) => d.dutyAt.id === unit),
			),
			'the expand survives the pageToken',
		);
		sim.configure({ ignoreExpand: true });
		const ignored = await json(
			`/persons?relationship.entity.type=duty&relationship.organisation=${unit}&expand=duties`,
		);
		assert.ok((ignored.data as Json[]).every((r) => !('duties' in r)));
	});

	test('a person carries typed e-mails, the legacy external identifier and an eppn', async () => {
		const p = world().people.find((x) => x.role === 'student' && x.id % 7 === 0 && x.email)!;
		const record = ((await json(`/persons?limit=1000`)).data as Json[]).find(
			(r) => r.id === personUuid(p.id),
		)!;
		assert.deepEqual(record.emails, [
			{ value: `privat.${p.id}@example.com`, type: 'Privat' },
			{ value: p.email, type: 'Skola elev' },
		]);
		assert.deepEqual(record.externalIdentifiers, [
			{ value: String(p.id), context: LEGACY_ID_CONTEXT, globallyUnique: false },
		]);
		assert.deepEqual(record.eduPersonPrincipalNames, [`${p.id}@${EPPN_DOMAIN}`]);
	});
});

describe('groups', () => {
	test('the class groups of a unit with their members, by organisation and groupType, paged', async () => {
		const { records, sizes } = await allPages(
			`/groups?organisation=${schoolUnitUuid(101)}&groupType=Klass`,
			2,
		);
		assert.ok(sizes.length > 1);
		const classes = [...new Set(students(101).map((p) => p.className!))];
		assert.deepEqual(
			records.map((r) => r.id).sort(),
			classes.map((c) => classGroupUuid(101, c)).sort(),
		);
		for (const record of records) {
			assert.deepEqual(record.organisation, { id: schoolUnitUuid(101) });
			assert.deepEqual(
				(record.groupMemberships as Array<{ person: { id: string } }>).map((m) => m.person.id),
				students(101)
					.filter((p) => p.className === record.displayName)
					.map((p) => personUuid(p.id)),
			);
		}
		const mentor = await json(`/groups?organisation=${schoolUnitUuid(101)}&groupType=Mentor`);
		assert.deepEqual(mentor, { data: [], pageToken: null });
	});
});

describe('switches', () => {
	test("badAnswer 'htmlLoginPage': every list answers 200 with an HTML page", async () => {
		sim.configure({ badAnswer: 'htmlLoginPage' });
		const answer = await get('/persons');
		assert.equal(answer.status, 200);
		assert.match(String(answer.headers.get('content-type')), /^text\/html/);
		assert.match(await answer.text(), /^<!DOCTYPE html>.*Logga in/);
	});

	test('PUT /__sim/ss12000 changes the settings over HTTP; GET shows them', async () => {
		const put = await fetch(`${sim.origin}/__sim/ss12000`, {
			method: 'PUT',
			body: JSON.stringify({ maxPageSize: 7 }),
		});
		assert.equal(((await put.json()) as Json).maxPageSize, 7);
		assert.equal(((await json('/persons?limit=50')).data as Json[]).length, 7);
		const shown = (await (await fetch(`${sim.origin}/__sim/ss12000`)).json()) as Json;
		assert.equal(shown.maxPageSize, 7);
	});

	test('the kit fault switches: 429 with Retry-After and 5xx, on the API and the token endpoint; the log records them', async () => {
		sim.setFaults({ errorShare: 1, errorStatuses: [429], retryAfterSeconds: 3 });
		const limited = await get('/organisations');
		assert.equal(limited.status, 429);
		assert.equal(limited.headers.get('retry-after'), '3');
		sim.setFaults({ errorShare: 1, errorStatuses: [503] });
		assert.equal((await get('/organisations')).status, 503);
		assert.equal((await tokenRequest({ grant_type: 'client_credentials' })).status, 503);
		assert.deepEqual(
			sim.requests.map((r) => [r.method, r.path, r.status]),
			[
				['GET', `${SS12000_API_PATH}/organisations`, 429],
				['GET', `${SS12000_API_PATH}/organisations`, 503],
				['POST', SS12000_TOKEN_PATH, 503],
			],
		);
	});
});
