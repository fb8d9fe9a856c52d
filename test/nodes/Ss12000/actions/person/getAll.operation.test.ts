/**
 * Person → Get Many through n8n's engine against the SS 12000 simulator over HTTP: the Admentum
 * node's shape, typed e-mails in the admin's order, the external ID choices, protected identities,
 * paging, and answers that must never pass as a shorter list.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import {
	startSs12000Simulator,
	type Ss12000Simulator,
} from '../../../../simulators/ss12000/ss12000Simulator';
import {
	dutyRoleOf,
	EPPN_DOMAIN,
	isProtectedPerson,
	LEGACY_ID_CONTEXT,
	personUuid,
	privateEmailOf,
	schoolUnitUuid,
} from '../../../../simulators/ss12000/seedSs12000';
import { generatePeople, type Person } from '../../../../simulators/seed/people';
import {
	readPersons,
	runSs12000,
	SS12000,
	ss12000Credential,
} from '../../../../engine/workflows/ss12000Workflow';

let sim: Ss12000Simulator;
before(
	async () =>
		(sim = await startSs12000Simulator({
			world: generatePeople({ seed: 11, count: 1200, schoolCount: 3 }),
		})),
);
after(() => sim.close());
beforeEach(() => sim.reset());

const people = () => sim.state.world.people;
const units = (...ids: number[]) => ids.map(schoolUnitUuid);
const inUnits = (p: Person, ids: number[]) =>
	p.role === 'student' ? ids.includes(p.schoolIds[0]) : p.schoolIds.some((id) => ids.includes(id));
const run = (schoolIds: unknown, options = {}, more = {}) =>
	runSs12000(readPersons(schoolIds, options, more), ss12000Credential(sim));

describe('Person → Get Many', () => {
	test("every student and staff member of the chosen units once, in the Admentum node's shape", async () => {
		sim.configure({ maxPageSize: 60 });
		const result = await run(units(101, 102));
		assert.equal(result.error, undefined, result.error?.message);
		const items = result.json(SS12000);
		const expected = people().filter((p) => inUnits(p, [101, 102]) && !isProtectedPerson(p));
		assert.equal(items.length, expected.length);
		assert.equal(new Set(items.map((i) => i.ss12000Id)).size, items.length, 'one item per person');
		const student = expected.find((p) => p.role === 'student' && p.email && privateEmailOf(p))!;
		assert.deepEqual(
			items.find((i) => i.ss12000Id === personUuid(student.id)),
			{
				externalId: personUuid(student.id),
				firstName: student.firstName,
				lastName: student.lastName,
				email: student.email!.toLowerCase(),
				role: 'student',
				schoolIds: [schoolUnitUuid(student.schoolIds[0])],
				className: student.className,
				emailMissing: false,
				ss12000Id: personUuid(student.id),
			},
			'the school address, never the private one listed first',
		);
		const twoUnits = expected.find(
			(p) =>
				p.role === 'teacher' && p.schoolIds.length === 2 && p.schoolIds.every((id) => id <= 102),
		);
		if (twoUnits) {
			const item = items.find((i) => i.ss12000Id === personUuid(twoUnits.id))!;
			assert.deepEqual(
				[item.role, item.title, item.schoolIds],
				['teacher', dutyRoleOf(twoUnits), units(101, 102)],
				'schoolIds in the order of the chosen units',
			);
		}
		assert.ok(
			sim.requests.filter((r) => r.path.includes('pageToken=')).length > 0,
			'the lists were read over several pages',
		);
	});

	test('external ID from an external identifier context (the old Admentum ID) or the eduPersonPrincipalName', async () => {
		const legacy = (
			await run(units(101), {
				externalIdFrom: 'externalIdentifier',
				externalIdContext: LEGACY_ID_CONTEXT,
			})
		).json(SS12000);
		assert.ok(legacy.length > 0);
		for (const item of legacy) {
			const person = people().find((p) => personUuid(p.id) === item.ss12000Id)!;
			assert.equal(item.externalId, String(person.id));
		}
		const eppn = (await run(units(101), { externalIdFrom: 'eppn' })).json(SS12000);
		assert.ok(eppn.every((item) => String(item.externalId).endsWith(`@${EPPN_DOMAIN}`)));
		const missing = await run(units(101), { externalIdFrom: 'externalIdentifier' });
		assert.match(String(missing.error?.message), /No external ID context given/);
	});

	test('e-mail types in the order the admin sets; Privat only when chosen', async () => {
		const items = (
			await run(units(101), { studentEmailTypes: 'Privat, Skola elev', staffEmailTypes: 'Privat' })
		).json(SS12000);
		for (const item of items) {
			const person = people().find((p) => personUuid(p.id) === item.ss12000Id)!;
			const expected =
				privateEmailOf(person) ??
				(person.role === 'student' ? (person.email?.toLowerCase() ?? null) : null);
			assert.equal(item.email, expected, `person ${person.id}`);
			assert.equal(item.emailMissing, expected === null);
		}
	});

	test('protected identities: left out by default and counted without names; included only without a name', async () => {
		const protectedPeople = people().filter(
			(p) => inUnits(p, [101, 102, 103]) && isProtectedPerson(p),
		);
		assert.ok(protectedPeople.length > 0, 'the seed has people with a protected identity');
		const left = await run(units(101, 102, 103));
		const ids = new Set(left.json(SS12000).map((i) => i.ss12000Id));
		assert.ok(protectedPeople.every((p) => !ids.has(personUuid(p.id))));

		const included = (
			await run(units(101, 102, 103), { protectedIdentities: 'includeWithoutName' })
		).json(SS12000);
		for (const p of protectedPeople) {
			const item = included.find((i) => i.ss12000Id === personUuid(p.id))!;
			assert.deepEqual(
				[item.firstName, item.lastName, item.protectedIdentity, item.recordLabel],
				['', '', true, `SS 12000 person ${personUuid(p.id)}`],
			);
		}
		assert.equal(included.filter((i) => i.protectedIdentity).length, protectedPeople.length);
	});

	test('people without an e-mail of the chosen types go to "No Email" when asked, never dropped', async () => {
		const result = await run(units(101), {
			withoutEmail: 'separate',
			staffEmailTypes: 'Arbete övrigt',
		});
		const main = result.json(SS12000, 0);
		const noEmail = result.json(SS12000, 1);
		assert.ok(main.every((i) => i.role === 'student' && i.email));
		assert.ok(noEmail.some((i) => i.role === 'teacher'));
		assert.ok(noEmail.every((i) => i.emailMissing === true && i.reason));
	});

	test('a provider that ignores expand=duties, or answers without a list, is an error, never a list of nobody', async () => {
		sim.configure({ ignoreExpand: true });
		const staff = await runSs12000(
			readPersons(units(101), {}, { roles: 'teacher' }),
			ss12000Credential(sim),
		);
		assert.match(
			String(staff.error?.message),
			/Reading the staff of school unit .* failed: the SS 12000 API answered with persons without "duties"/,
		);
		assert.deepEqual(staff.json(SS12000), []);
		sim.configure({ ignoreExpand: false, badAnswer: 'htmlLoginPage' });
		const html = await run(units(101));
		assert.match(String(html.error?.message), /answered with an HTML page/);
	});
});
