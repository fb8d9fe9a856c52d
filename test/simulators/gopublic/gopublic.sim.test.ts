/** The GoPublic simulator against docs/apis.md: one test per documented rule, plus faults, log and reset. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { IMPORT_PATH } from '../../../nodes/GoPublic/transport/apiContract';
import {
	GOPUBLIC_TEST_KEY,
	GOPUBLIC_TEST_ORIGIN,
	startGoPublicSimulator,
	type GoPublicSimulator,
} from './gopublicSimulator';
import { distinctMembers } from './memberImport';

let sim: GoPublicSimulator;

const anna = {
	uuids: ['a-1'],
	name: 'Anna Sørensen',
	email: 'anna@nordskolen.dk',
	fullName: 'Anna Sørensen',
	roles: ['Lærer'],
};

async function post(
	members: unknown,
	init: { key?: string | null; contentType?: string; raw?: string } = {},
) {
	const headers: Record<string, string> = {
		'Content-Type': init.contentType ?? 'application/json',
		Origin: GOPUBLIC_TEST_ORIGIN,
	};
	if (init.key !== null) headers['x-api-key'] = init.key ?? GOPUBLIC_TEST_KEY;
	const response = await fetch(sim.origin + IMPORT_PATH, {
		method: 'POST',
		headers,
		body: init.raw ?? JSON.stringify({ members }),
	});
	const text = await response.text();
	let body: any = text;
	try {
		body = JSON.parse(text);
	} catch {}
	return { status: response.status, body, contentType: response.headers.get('content-type') ?? '' };
}

const member = (uuid: string) => sim.state.members.get(uuid);

describe('GoPublic simulator', () => {
	before(async () => {
		sim = await startGoPublicSimulator();
	});
	after(() => sim.close());
	beforeEach(() => sim.reset());

	it('x-api-key: a missing or wrong key is refused with 401 and nothing is written', async () => {
		assert.equal((await post([anna], { key: null })).status, 401);
		const wrong = await post([anna], { key: 'nope' });
		assert.equal(wrong.status, 401);
		assert.equal(wrong.body.message, 'Invalid API key');
		assert.equal(sim.state.members.size, 0);
	});

	it('403 Forbidden / Access Denied means the caller is not whitelisted (checked before the key)', async () => {
		sim.refuseCallers(true);
		const answer = await post([anna], { key: 'nope' });
		assert.equal(answer.status, 403);
		assert.match(answer.body, /403 Forbidden/);
		assert.match(answer.body, /Access Denied/);
		assert.match(answer.contentType, /text\/html/);
		assert.equal(sim.state.members.size, 0);
	});

	it('the 403 switch is settable through the control API', async () => {
		const put = await fetch(sim.origin + '/__sim/gopublic', {
			method: 'PUT',
			body: JSON.stringify({ refuseCallers: true }),
		});
		assert.equal(put.status, 200);
		assert.equal((await post([anna])).status, 403);
		await fetch(sim.origin + '/__sim/gopublic', {
			method: 'PUT',
			body: JSON.stringify({ refuseCallers: false }),
		});
		assert.equal((await post([anna])).status, 200);
	});

	it('JSON only: another content type gets 415, broken JSON 400', async () => {
		assert.equal((await post([anna], { contentType: 'text/csv', raw: 'UUID;Name' })).status, 415);
		assert.equal((await post([anna], { raw: '{"members": [' })).status, 400);
		assert.equal((await post(undefined, { raw: '{"people": []}' })).status, 400);
	});

	it('an empty import answers 200 and changes nothing', async () => {
		const answer = await post([]);
		assert.equal(answer.status, 200);
		assert.deepEqual(answer.body, {
			created: 0,
			updated: 0,
			unchanged: 0,
			locked: 0,
			failed: 0,
			results: [],
		});
		assert.equal(sim.state.members.size, 0);
	});

	it('the Origin header of each import is recorded', async () => {
		await post([anna]);
		assert.deepEqual(sim.state.origins, [GOPUBLIC_TEST_ORIGIN]);
	});

	it('uuids is required on every member', async () => {
		const answer = await post([{ ...anna, uuids: [] }]);
		assert.equal(answer.status, 400);
		assert.deepEqual(answer.body.errors, [
			{
				index: 0,
				field: 'uuids',
				message: 'uuids is required: a non-empty array of non-empty strings',
			},
		]);
	});

	it('name, email, fullName and roles are required on create; one invalid member refuses the whole batch', async () => {
		const answer = await post([
			anna,
			{ uuids: ['b-1'], name: 'Bo', fullName: 'Bo Ek', roles: ['Elev'] },
		]);
		assert.equal(answer.status, 400);
		assert.deepEqual(answer.body.errors, [
			{ index: 1, field: 'email', message: 'email is required for a new member' },
		]);
		assert.equal(sim.state.members.size, 0, 'nothing written');
	});

	it('an existing member is updated with only some fields', async () => {
		await post([anna]);
		const answer = await post([{ uuids: ['a-1'], title: 'Lektor' }]);
		assert.equal(answer.status, 200);
		assert.equal(answer.body.updated, 1);
		assert.equal(member('a-1')?.fields.title, 'Lektor');
		assert.equal(member('a-1')?.fields.email, anna.email);
	});

	it('upsert by any of the uuids; merging keeps the union', async () => {
		await post([{ ...anna, uuids: ['a-1', 'a-2'] }]);
		const answer = await post([{ uuids: ['a-2', 'a-3'], title: 'Lektor' }]);
		assert.equal(answer.body.results[0].status, 'updated');
		assert.deepEqual(member('a-3')?.uuids, ['a-1', 'a-2', 'a-3']);
		assert.equal(member('a-1'), member('a-3'));
		assert.equal(distinctMembers(sim.state).length, 1);
	});

	it('every optional field is accepted and stored', async () => {
		const full = {
			...anna,
			firstName: 'Anna',
			surname: 'Sørensen',
			memberId: 'M-77',
			location: 'Århus',
			dateOfBirth: '1980-12-24T00:00:00.000Z',
			startDate: '2024-08-01T00:00:00Z',
			title: 'Lærer',
			headOfDepartment: true,
			department: 'Matematik',
			phoneNumber: '+45 11 22 33 44',
			mobileNumber: '+45 55 66 77 88',
			secondaryEmail: 'anna@privat.dk',
			workDescription: 'Underviser i matematik',
			language: 'da',
			avatar: 'iVBORw0KGgo=',
			facebookLink: 'https://facebook.com/anna',
			linkedInLink: 'https://linkedin.com/in/anna',
			instagramLink: 'https://instagram.com/anna',
			xLink: 'https://x.com/anna',
			additionalLink: 'https://nordskolen.dk',
			categories: ['Skoler/Nordskolen'],
			organizations: ['Kommune/Skoler'],
		};
		assert.equal((await post([full])).status, 200);
		const { uuids, ...fields } = full;
		assert.deepEqual(member('a-1')?.fields, fields);
	});

	it('booleans: real booleans and the strings "true"/"false" are accepted, anything else is a validation error', async () => {
		await post([{ ...anna, headOfDepartment: 'true' }]);
		assert.equal(member('a-1')?.fields.headOfDepartment, true);
		const bad = await post([{ uuids: ['a-1'], headOfDepartment: 'ja' }]);
		assert.equal(bad.status, 400);
		assert.equal(bad.body.errors[0].field, 'headOfDepartment');
	});

	it('dates must be ISO date-times', async () => {
		const bad = await post([{ ...anna, startDate: '24-12-2024' }]);
		assert.equal(bad.status, 400);
		assert.deepEqual(bad.body.errors[0], {
			index: 0,
			field: 'startDate',
			message: 'startDate must be an ISO date-time, e.g. 2024-08-01T00:00:00Z',
		});
	});

	it('arrays: roles, categories and organizations must be arrays', async () => {
		const bad = await post([{ ...anna, roles: 'Lærer' }]);
		assert.equal(bad.status, 400);
		assert.equal(bad.body.errors[0].field, 'roles');
	});

	it('categories and organizations: every level of a /-separated path is assigned', async () => {
		await post([
			{
				...anna,
				categories: ['Skoler/Nordskolen/Lærere'],
				organizations: ['Kommune/Skoler', 'Kommune/Ledelse'],
			},
		]);
		assert.deepEqual(member('a-1')?.assignedCategories, [
			'Skoler',
			'Skoler/Nordskolen',
			'Skoler/Nordskolen/Lærere',
		]);
		assert.deepEqual(member('a-1')?.assignedOrganizations, [
			'Kommune',
			'Kommune/Skoler',
			'Kommune/Ledelse',
		]);
	});

	it('roles must exist, else "role not found: X" for that member only', async () => {
		const answer = await post([anna, { ...anna, uuids: ['b-1'], roles: ['Pedel'] }]);
		assert.equal(answer.status, 200);
		assert.equal(answer.body.created, 1);
		assert.deepEqual(answer.body.results[1], {
			index: 1,
			uuids: ['b-1'],
			status: 'failed',
			message: 'role not found: Pedel',
		});
		assert.equal(member('b-1'), undefined);
	});

	it('a phonebook-only import still needs a role', async () => {
		const answer = await post([{ ...anna, roles: [] }]);
		assert.equal(answer.status, 400);
		assert.equal(answer.body.errors[0].field, 'roles');
	});

	it('lockForDeletion locks the member; only the first lock counts', async () => {
		await post([anna]);
		const first = await post([{ uuids: ['a-1'], lockForDeletion: true }]);
		assert.equal(first.body.results[0].status, 'locked');
		const lockedAt = member('a-1')?.lockedAt;
		assert.ok(lockedAt);
		await new Promise((r) => setTimeout(r, 5));
		const second = await post([{ uuids: ['a-1'], lockForDeletion: 'true' }]);
		assert.equal(second.body.results[0].status, 'unchanged');
		assert.equal(member('a-1')?.lockedAt, lockedAt);
	});

	it('locking an unknown member fails for that member (assumed)', async () => {
		const answer = await post([{ uuids: ['ghost'], lockForDeletion: true }]);
		assert.equal(answer.status, 200);
		assert.equal(answer.body.results[0].status, 'failed');
		assert.match(answer.body.results[0].message, /member not found/);
	});

	it('members whose data did not change are counted as unchanged', async () => {
		await post([anna, { ...anna, uuids: ['b-1'] }]);
		const again = await post([anna, { ...anna, uuids: ['b-1'], title: 'Lektor' }]);
		assert.deepEqual([again.body.unchanged, again.body.updated], [1, 1]);
	});

	it('invalid e-mail is a validation error naming the member and the field', async () => {
		const answer = await post([anna, { ...anna, uuids: ['b-1'], email: 'not-an-email' }]);
		assert.deepEqual(answer.body.errors, [
			{ index: 1, field: 'email', message: 'email is not a valid e-mail address' },
		]);
	});

	it('seeded members and roles come from the options', async () => {
		const seeded = await startGoPublicSimulator({
			roles: ['Rektor'],
			members: [{ ...anna, roles: ['Rektor'] }],
		});
		try {
			assert.equal(seeded.state.members.get('a-1')?.fields.fullName, 'Anna Sørensen');
			assert.deepEqual([...seeded.state.roles], ['Rektor']);
		} finally {
			await seeded.close();
		}
	});

	it('faults: injected 503s are answered before the import is carried out', async () => {
		sim.setFaults({ errorShare: 1, errorStatuses: [503] });
		assert.equal((await post([anna])).status, 503);
		assert.equal(sim.state.members.size, 0);
	});

	it('request log and reset: the log names method, path and status; reset clears members, switches and log', async () => {
		await post([anna]);
		sim.refuseCallers(true);
		await post([anna]);
		assert.deepEqual(sim.requests, [
			{ method: 'POST', path: IMPORT_PATH, status: 200 },
			{ method: 'POST', path: IMPORT_PATH, status: 403 },
		]);
		const state = (await (await fetch(sim.origin + '/__sim/state')).json()) as {
			members: unknown[];
		};
		assert.equal(state.members.length, 1);
		await fetch(sim.origin + '/__sim/reset', { method: 'POST' });
		assert.equal(sim.state.members.size, 0);
		assert.equal(sim.state.refuseCallers, false);
		assert.equal(sim.requests.length, 0);
	});
});
