/** Member → Import through n8n's engine against the GoPublic simulator. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';

import { runWorkflow } from '../../../../engine/runWorkflow';
import { generatePeople } from '../../../../simulators/seed/people';
import {
	GOPUBLIC_TEST_KEY,
	GOPUBLIC_TEST_ORIGIN,
	startGoPublicSimulator,
	type GoPublicSimulator,
} from '../../../../simulators/gopublic/gopublicSimulator';
import { distinctMembers, SUCCESS_ANSWERS } from '../../../../simulators/gopublic/memberImport';
import {
	IMPORT,
	NODE,
	credentialsFor,
	csvFileToGoPublic,
	itemsToGoPublic,
} from '../../../../engine/workflows/goPublicWorkflow';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
process.env.N8N_RESTRICT_FILE_ACCESS_TO = FIXTURES;

let sim: GoPublicSimulator;
const run = (workflow: Parameters<typeof runWorkflow>[0], mode: 'manual' | 'trigger' = 'manual') =>
	runWorkflow(workflow, { credentials: credentialsFor(sim.origin), mode });
const imports = () => sim.requests.filter((r) => r.method === 'POST');

const person = (uuid: string, extra: Record<string, unknown> = {}) => ({
	externalId: uuid,
	firstName: 'Anna',
	lastName: 'Sørensen',
	email: `${uuid}@nordskolen.dk`,
	role: 'Lærer',
	...extra,
});

describe('GoPublic → Member → Import', () => {
	before(async () => {
		sim = await startGoPublicSimulator();
	});
	after(() => sim.close());
	beforeEach(() => sim.reset());

	it("imports a CSV of another layout (Email, Department, ...) mapped in the node's fields (';', BOM, |-lists)", async () => {
		const result = await run(
			csvFileToGoPublic(join(FIXTURES, 'members.csv'), {
				...IMPORT,
				email: '={{ $json.Email }}',
				additionalFields: {
					firstName: '={{ $json.FirstName }}',
					surname: '={{ $json.Surname }}',
					title: '={{ $json.Title }}',
					department: '={{ $json.Department }}',
					mobileNumber: '={{ $json.MobileNumber }}',
					headOfDepartment: '={{ $json.HeadOfDepartment }}',
					startDate: '={{ $json.StartDate }}',
					dateOfBirth: '={{ $json.DateOfBirth }}',
					categories: '={{ $json.Categories }}',
					organizations: '={{ $json.Organizations }}',
				},
			}),
		);
		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.json(NODE).map((item) => item.status),
			['created', 'created', 'created', 'created'],
		);
		const soren = sim.state.members.get('ad-77')!;
		assert.deepEqual(soren.uuids, ['dk-1001', 'ad-77']);
		assert.deepEqual(soren.fields, {
			name: 'Søren Ærø',
			email: 'soren.aero@nordskolen.dk',
			fullName: 'Søren Ærøskøbing',
			roles: ['Lærer', 'Leder'],
			firstName: 'Søren',
			surname: 'Ærøskøbing',
			title: 'Skoleleder',
			department: 'Ledelse',
			mobileNumber: '+45 20 11 22 33',
			headOfDepartment: true,
			startDate: '2019-08-01T00:00:00.000Z',
			dateOfBirth: '1975-03-14T00:00:00.000Z',
			categories: ['Skoler/Nordskolen', 'Fag/Matematik'],
			organizations: ['Kommune/Skoler/Nordskolen'],
		});
		assert.deepEqual(soren.assignedOrganizations, [
			'Kommune',
			'Kommune/Skoler',
			'Kommune/Skoler/Nordskolen',
		]);
		assert.equal(sim.state.members.get('dk-1003')?.fields.headOfDepartment, false);
		assert.equal(sim.state.members.get('se-2001')?.fields.fullName, 'Märta Ågren');
		assert.deepEqual(sim.state.origins, [GOPUBLIC_TEST_ORIGIN]);
	});

	it('takes every field form: arrays or |-text, booleans and their words, dates in several forms', async () => {
		const result = await run(
			itemsToGoPublic(
				[
					person('a', {
						role: ['Lærer', 'Leder'],
						hod: 'yes',
						start: '24.12.2023',
						cats: ['Skoler / Nord', 'Fag'],
					}),
					person('b', {
						role: 'Lærer|Leder',
						hod: 1,
						start: '2023-12-24T10:00:00+01:00',
						cats: 'Skoler/Nord|Fag',
					}),
					person('c', { externalId: 42, role: 'Elev', hod: 'NEJ', start: '2023-12-24', cats: '' }),
				],
				{
					...IMPORT,
					additionalFields: {
						headOfDepartment: '={{ $json.hod }}',
						startDate: '={{ $json.start }}',
						categories: '={{ $json.cats }}',
						avatar: 'data:image/png;base64,iVBORw0KGgo=',
					},
				},
			),
		);
		assert.equal(result.error, undefined);
		const [a, b, c] = ['a', 'b', '42'].map((uuid) => sim.state.members.get(uuid)!.fields);
		assert.deepEqual(a.roles, ['Lærer', 'Leder']);
		assert.deepEqual(b.roles, ['Lærer', 'Leder']);
		assert.deepEqual(
			[a.headOfDepartment, b.headOfDepartment, c.headOfDepartment],
			[true, true, false],
		);
		assert.deepEqual(
			[a.startDate, b.startDate, c.startDate],
			['2023-12-24T00:00:00.000Z', '2023-12-24T09:00:00.000Z', '2023-12-24T00:00:00.000Z'],
		);
		assert.deepEqual(a.categories, ['Skoler/Nord', 'Fag']);
		assert.deepEqual(b.categories, ['Skoler/Nord', 'Fag']);
		assert.equal(c.categories, undefined, 'an empty field is not sent');
		assert.equal(a.avatar, 'iVBORw0KGgo=');
		assert.equal(a.name, 'Anna Sørensen', 'default mapping of Admentum-shaped items');
	});

	it('a member the input cannot complete is skipped with the reason, never failed; the others are imported', async () => {
		const result = await run(
			itemsToGoPublic([person('a'), person('b', { email: '' }), person('c')], IMPORT),
		);
		assert.equal(result.error, undefined, 'a skipped member does not fail the node');
		const b = result.json(NODE)[1];
		assert.equal(b.status, 'skipped');
		assert.deepEqual(b._sync, {
			action: 'skipped',
			record: 'uuid b (Anna Sørensen)',
			item: 2,
			field: 'email',
			reason: '"email" is required for a new member',
		});
		assert.equal(b.error, undefined, 'no top-level error field on our items');
		assert.deepEqual(
			distinctMembers(sim.state)
				.map((m) => m.uuids[0])
				.sort(),
			['a', 'c'],
		);
	});

	it('with Continue On Fail: invalid input skipped, a refused member failed naming its field, numbered from 1', async () => {
		const result = await run(
			itemsToGoPublic(
				[
					person('a'),
					person('b', { email: 'nope' }),
					person('c', { role: 'Pedel' }),
					person('', { email: 'x@nordskolen.dk' }),
				],
				IMPORT,
				{ onError: 'continueRegularOutput' },
			),
		);
		assert.equal(result.error, undefined);
		const out = result.json(NODE);
		assert.equal(out[0].status, 'created');
		assert.deepEqual(out[1]._sync, {
			action: 'skipped',
			record: 'uuid b (Anna Sørensen)',
			item: 2,
			field: 'email',
			reason: '"email" is not a valid e-mail address',
		});
		assert.deepEqual(out[2]._sync, {
			action: 'failed',
			record: 'uuid c (Anna Sørensen)',
			item: 3,
			field: 'roles',
			reason: 'role not found: Pedel',
		});
		assert.equal(out[3]._sync && (out[3]._sync as { action: string }).action, 'skipped');
		assert.ok(
			out.every((item) => item.error === undefined),
			'no top-level error field on our items',
		);
		assert.deepEqual(
			result.output(NODE).map((item) => item.pairedItem),
			[0, 1, 2, 3].map((item) => ({ item })),
		);
	});

	it('an unknown role: the run fails afterwards, naming the role and the item (from 1)', async () => {
		const result = await run(
			itemsToGoPublic([person('a', { role: 'Pedel' }), person('b')], IMPORT),
		);
		assert.equal(result.error?.message, 'Item 1, uuid a (Anna Sørensen): role not found: Pedel');
		assert.ok(sim.state.members.get('b'));
	});

	it('sends in batches: 250 members with batch size 100 are 3 requests of 100, 100 and 50', async () => {
		const people = generatePeople({ seed: 7, count: 250 }).people.map((p) =>
			person(String(p.id), { firstName: p.firstName, lastName: p.lastName }),
		);
		const result = await run(itemsToGoPublic(people, { ...IMPORT, options: { batchSize: 100 } }));
		assert.equal(result.error, undefined);
		assert.equal(imports().length, 3);
		assert.deepEqual(sim.state.batchSizes, [100, 100, 50]);
		assert.equal(distinctMembers(sim.state).length, 250);
		assert.ok(result.json(NODE).every((item) => item.status === 'created'));
	});

	it('a re-run of the same members reports all unchanged', async () => {
		const items = [person('a'), person('b'), person('c')];
		await run(itemsToGoPublic(items, IMPORT));
		const again = await run(itemsToGoPublic(items, IMPORT));
		assert.deepEqual(
			again.json(NODE).map((item) => item.status),
			['unchanged', 'unchanged', 'unchanged'],
		);
		// The Sync Summary node counts the same outcome from `_sync`.
		assert.deepEqual(
			again.json(NODE).map((item) => (item._sync as { action: string }).action),
			['unchanged', 'unchanged', 'unchanged'],
		);
	});

	it('403: the run stops with plain words about the IP whitelist, and the key is nowhere in the result', async () => {
		sim.refuseCallers(true);
		const result = await run(itemsToGoPublic([person('a')], IMPORT));
		assert.match(result.error?.message ?? '', /refused the address this n8n connects from \(403/);
		assert.match(result.error?.message ?? '', /whitelist/);
		assert.equal(imports().length, 1, '403 is not retried');
		assert.ok(!JSON.stringify(result.run).includes(GOPUBLIC_TEST_KEY));
	});

	it('a wrong key: 401 in plain words, and neither key is in the result', async () => {
		const result = await runWorkflow(itemsToGoPublic([person('a')], IMPORT), {
			credentials: credentialsFor(sim.origin, 'wrong-key-123'),
		});
		assert.match(result.error?.message ?? '', /refused the API key \(401\)/);
		assert.ok(!JSON.stringify(result.run).includes('wrong-key-123'));
	});

	it('key absent from a successful run too', async () => {
		const result = await run(itemsToGoPublic([person('a')], IMPORT));
		assert.equal(result.error, undefined);
		assert.ok(!JSON.stringify(result.run).includes(GOPUBLIC_TEST_KEY));
	});

	for (const answer of SUCCESS_ANSWERS.filter((variant) => variant !== 'summary')) {
		it(`a 2xx answer of another shape (${answer}) is success: every member counted as sent, none failed`, async () => {
			sim.answerSuccessWith(answer);
			const result = await run(itemsToGoPublic([person('a'), person('b'), person('c')], IMPORT));
			assert.equal(result.error, undefined);
			assert.deepEqual(
				result.json(NODE).map((item) => item.status),
				['sent', 'sent', 'sent'],
			);
			assert.equal(distinctMembers(sim.state).length, 3, 'GoPublic stored them all');
		});
	}

	it('a 403 under Continue On Fail: every member failed as a refusal of the work as a whole', async () => {
		sim.refuseCallers(true);
		const result = await run(
			itemsToGoPublic([person('a'), person('b')], IMPORT, { onError: 'continueRegularOutput' }),
		);
		assert.equal(result.error, undefined);
		for (const item of result.json(NODE)) {
			const outcome = item._sync as { action: string; refusedAsWhole?: boolean; reason: string };
			assert.equal(outcome.action, 'failed');
			assert.equal(outcome.refusedAsWhole, true);
			assert.match(outcome.reason, /whitelist/);
		}
	});

	it('retries 429 answers after Retry-After (the import is an upsert, safe to repeat)', async () => {
		sim.setFaults({ rateLimitPerSecond: 1, retryAfterSeconds: 1 });
		const result = await run(
			itemsToGoPublic([person('a'), person('b')], { ...IMPORT, options: { batchSize: 1 } }),
		);
		assert.equal(result.error, undefined);
		assert.ok(imports().some((r) => r.status === 429));
		assert.equal(distinctMembers(sim.state).length, 2);
	});
});
