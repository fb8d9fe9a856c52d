/**
 * The Admentum simulator against docs/apis.md: one test per documented rule (confirmed and
 * assumed alike), so that a change to the simulator cannot drift from the API it stands for.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import {
	ADMENTUM_SCHOOLS_ONLY_KEY,
	ADMENTUM_TEST_KEY,
	CSV_COLUMNS,
	startAdmentumSimulator,
	type AdmentumSimulator,
} from './admentumSimulator';
import { TRICKY_VALUES } from './seedAdmentum';

let sim: AdmentumSimulator;
before(async () => (sim = await startAdmentumSimulator()));
after(() => sim.close());
afterEach(() => sim.reset());

const token = { Authorization: `Token ${ADMENTUM_TEST_KEY}` };
const get = (path: string, headers: Record<string, string> = token) =>
	fetch(sim.origin + path, { headers });
const bytes = async (path: string) => Buffer.from(await (await get(path)).arrayBuffer());
/** The answer's text exactly as sent (fetch's text() would swallow the byte-order mark). */
const rawText = async (path: string) => (await bytes(path)).toString('utf8');
const json = async (path: string) => (await (await get(path)).json()) as Record<string, unknown>;

describe('authentication', () => {
	test('assumed: the key is sent as "Authorization: Token <key>"', async () => {
		assert.equal((await get('/api/csv/v1/schools')).status, 200);
	});

	test('the credential also offers "Authorization: Bearer <key>"', async () => {
		assert.equal(
			(await get('/api/v1/schools/', { Authorization: `Bearer ${ADMENTUM_TEST_KEY}` })).status,
			200,
		);
	});

	test('the credential also offers a custom header name (switch keyHeader)', async () => {
		sim.configure({ keyHeader: 'X-Api-Key' });
		assert.equal(
			(await get('/api/csv/v1/schools', { 'X-Api-Key': ADMENTUM_TEST_KEY })).status,
			200,
		);
		assert.equal((await get('/api/csv/v1/schools')).status, 401, 'Authorization is no longer read');
	});

	test('401 without a key and with a wrong key', async () => {
		const missing = await get('/api/csv/v1/schools', {});
		assert.equal(missing.status, 401);
		assert.deepEqual(await missing.json(), {
			detail: 'Authentication credentials were not provided.',
		});
		const wrong = await get('/api/v1/users/', { Authorization: 'Token nope' });
		assert.equal(wrong.status, 401);
		assert.deepEqual(await wrong.json(), { detail: 'Invalid token.' });
	});

	test('seen: 403 for resources the key may not read', async () => {
		const schoolsOnly = { Authorization: `Token ${ADMENTUM_SCHOOLS_ONLY_KEY}` };
		assert.equal((await get('/api/csv/v1/schools', schoolsOnly)).status, 200);
		for (const path of [
			'/api/csv/v1/students?school_id=101',
			'/api/csv/v1/teachers?school_id=101',
			'/api/v1/users/',
		]) {
			assert.equal((await get(path, schoolsOnly)).status, 403, path);
		}
	});
});

describe('CSV variant (/api/csv/v1)', () => {
	test('assumed: GET {base}/schools lists the school units with a header row', async () => {
		const lines = (await rawText('/api/csv/v1/schools'))
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		assert.equal(lines[0], CSV_COLUMNS.schools.join(';'));
		assert.equal(lines.length, 1 + sim.state.world.schools.length);
		assert.equal(lines[1], '101;Åbyskolan;S0101');
	});

	test('UTF-8 with a byte-order mark, ";" as delimiter, Swedish letters intact', async () => {
		const body = await bytes('/api/csv/v1/schools');
		assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
		assert.match(body.toString('utf8'), /Åbyskolan/);
		assert.equal(
			(await get('/api/csv/v1/schools')).headers.get('content-type'),
			'text/csv; charset=utf-8',
		);
	});

	test('assumed: students?school_id=ID has id;first_name;last_name;email;school_id, class_name and more', async () => {
		const text = await rawText('/api/csv/v1/students?school_id=102');
		const [header, ...rows] = text
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		assert.equal(
			header,
			'id;eid;guid;first_name;last_name;email;school_id;class_name;personnummer',
		);
		const expected = sim.state.world.people.filter(
			(p) => p.role === 'student' && p.schoolIds.includes(102),
		);
		// Rows end in CRLF; a line break inside a quoted field is a bare LF, so this split is exact.
		assert.equal(rows.length, expected.length);
		assert.ok(rows.every((r) => r.split(';')[6] === '102'));
	});

	test('assumed: teachers?school_id=ID has title instead of class_name', async () => {
		const header = (await rawText('/api/csv/v1/teachers?school_id=101'))
			.replace(/^\uFEFF/, '')
			.split('\r\n')[0];
		assert.equal(header, CSV_COLUMNS.teachers.join(';'));
	});

	test('quoted fields may hold ";", line breaks and doubled quotes', async () => {
		const all = (await rawText('/api/csv/v1/teachers')) + (await rawText('/api/csv/v1/students'));
		assert.ok(all.includes(`"${TRICKY_VALUES.titleWithSemicolon}"`));
		assert.ok(all.includes(`"${TRICKY_VALUES.classNameWithNewline}"`));
		assert.ok(all.includes('"Åsa ""Åsis"""'));
	});

	test('a person in several schools appears once per school', async () => {
		const multi = sim.state.world.people.find((p) => p.schoolIds.length > 1)!;
		const rows = (await rawText(`/api/csv/v1/${multi.role}s`))
			.split('\r\n')
			.filter((r) => r.startsWith(`${multi.id};`));
		assert.deepEqual(rows.map((r) => r.split(';')[6]).sort(), multi.schoolIds.map(String).sort());
	});

	test('confirmed: e-mail may be missing (an empty field)', async () => {
		const missing = sim.state.world.people.find((p) => p.email === null)!;
		const row = (await rawText(`/api/csv/v1/students?school_id=${missing.schoolIds[0]}`))
			.split('\r\n')
			.find((r) => r.startsWith(`${missing.id};`))!;
		assert.equal(row.split(';')[5], '');
	});
});

describe('JSON variant (/api/v1)', () => {
	test('confirmed: Django REST lists {count, next, previous, results}; next is an absolute URL; page and page_size', async () => {
		const first = await json('/api/v1/users/?format=json&page_size=100');
		const total = sim.state.world.people.length;
		assert.equal(first.count, total);
		assert.equal(first.previous, null);
		assert.equal((first.results as unknown[]).length, 100);
		assert.equal(first.next, `${sim.origin}/api/v1/users/?format=json&page_size=100&page=2`);
		const last = await json(
			`/api/v1/users/?format=json&page_size=100&page=${Math.ceil(total / 100)}`,
		);
		assert.equal(last.next, null);
		assert.equal((last.results as unknown[]).length, total % 100 || 100);
		assert.equal((await get('/api/v1/users/?page=99')).status, 404);
	});

	test('confirmed: users are snake_case with id, email (may be null), first_name, last_name, role (students = 1), eid, guid', async () => {
		const missing = sim.state.world.people.find((p) => p.email === null)!;
		const { results } = await json(
			`/api/v1/users/?school=${missing.schoolIds[0]}&role=1&page_size=1000`,
		);
		const user = (results as Array<Record<string, unknown>>).find((u) => u.id === missing.id)!;
		assert.equal(user.email, null);
		assert.equal(user.role, 1);
		assert.equal(user.first_name, missing.firstName);
		assert.equal(user.last_name, missing.lastName);
		assert.equal(user.eid, missing.eid);
		assert.equal(user.guid, missing.guid);
		assert.ok((results as Array<Record<string, unknown>>).every((u) => u.role === 1));
	});

	test('confirmed: objects refer to each other as {url, id}', async () => {
		const { results } = await json('/api/v1/users/?page_size=1');
		const [user] = results as Array<{ url: string; schools: Array<{ url: string; id: number }> }>;
		assert.match(user.url, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/users\/\d+\/$/);
		assert.deepEqual(user.schools[0], {
			url: `${sim.origin}/api/v1/schools/${user.schools[0].id}/`,
			id: user.schools[0].id,
		});
	});

	test('assumed: school and role filter users; schools are a list too', async () => {
		const { results, count } = await json('/api/v1/users/?school=103&role=2&page_size=1000');
		const teachers = sim.state.world.people.filter(
			(p) => p.role === 'teacher' && p.schoolIds.includes(103),
		);
		assert.equal(count, teachers.length);
		assert.deepEqual(
			(results as Array<{ id: number }>).map((u) => u.id),
			teachers.map((p) => p.id),
		);
		const schools = await json('/api/v1/schools/?format=json');
		assert.equal(schools.count, sim.state.world.schools.length);
	});
});

describe('switches for tests', () => {
	test('badAnswer htmlLoginPage: 200 with an HTML page', async () => {
		sim.configure({ badAnswer: 'htmlLoginPage' });
		const answer = await get('/api/csv/v1/students?school_id=101');
		assert.equal(answer.status, 200);
		assert.match(answer.headers.get('content-type')!, /text\/html/);
		assert.match(await answer.text(), /Logga in/);
	});

	test('badAnswer wrongColumns: other column names', async () => {
		sim.configure({ badAnswer: 'wrongColumns' });
		assert.match(
			await rawText('/api/csv/v1/students?school_id=101'),
			/^\uFEFFID;Förnamn;Efternamn;E-post;Skola\r\n/,
		);
	});

	test('badAnswer truncated: the CSV ends in the middle of a row, the JSON mid-document', async () => {
		sim.configure({ badAnswer: 'truncated' });
		const csv = await rawText('/api/csv/v1/students?school_id=101');
		assert.ok(!csv.endsWith('\r\n'));
		assert.equal(csv.split('\r\n').at(-1)!.split(';').length, 1);
		assert.throws(() => JSON.parse(csv));
		const text = await (await get('/api/v1/users/')).text();
		assert.throws(() => JSON.parse(text));
	});

	test('populationShare answers only that share of the people, settable through PUT /__sim/admentum', async () => {
		const put = await fetch(`${sim.origin}/__sim/admentum`, {
			method: 'PUT',
			body: JSON.stringify({ populationShare: 0.4 }),
		});
		assert.equal(((await put.json()) as { populationShare: number }).populationShare, 0.4);
		const { count } = await json('/api/v1/users/');
		assert.equal(count, Math.round(sim.state.world.people.length * 0.4));
		await fetch(`${sim.origin}/__sim/reset`, { method: 'POST' });
		assert.equal(
			(await json('/api/v1/users/')).count,
			sim.state.world.people.length,
			'reset restores everyone',
		);
	});

	test('the kit fault switches apply (503) and the request log records them', async () => {
		sim.setFaults({ errorShare: 1, errorStatuses: [503] });
		assert.equal((await get('/api/csv/v1/schools')).status, 503);
		assert.deepEqual(sim.requests.at(-1), {
			method: 'GET',
			path: '/api/csv/v1/schools',
			status: 503,
		});
	});
});
