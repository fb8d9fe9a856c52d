/**
 * workflows/ss12000-to-learnifier.json and workflows/ss12000-staff-to-gopublic.json in real n8n
 * 2.41.1 (our built package installed as a community package) against the SS 12000, Learnifier and
 * GoPublic simulators, over a realm of 2,000 people. Learnifier holds the people under their old
 * (Admentum) IDs, so the Learnifier template takes the external ID from the SS 12000 external
 * identifier that carries them, as a customer moving from Admentum would. Every assertion reads
 * the simulators or the saved execution through REST.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, test } from 'node:test';

import { withCustomerSettings } from '../fixtures/templates';
import type { WorkflowJson } from '../n8n-runtime/realN8n';
import { secretsFoundIn } from '../n8n-runtime/realN8n';
import { distinctMembers } from '../simulators/gopublic/memberImport';
import type { LearnifierUser } from '../simulators/learnifier/learnifierSimulator';
import type { Person } from '../simulators/seed/people';
import {
	isProtectedPerson,
	LEGACY_ID_CONTEXT,
	personUuid,
} from '../simulators/ss12000/seedSs12000';
import {
	executionError,
	startTemplateHarness,
	syncSummary,
	writesIn,
	type TemplateHarness,
} from './templateHarness';

const REALM = {
	seed: 2027,
	people: 2_000,
	schools: 4,
	drift: { joiners: 40, leavers: 15, renamed: 20, emailChanged: 15 },
	learnifierAdmins: 2,
};

let harness: TemplateHarness;
let toLearnifier: WorkflowJson;
let staffToGoPublic: WorkflowJson;

before(async () => {
	harness = await startTemplateHarness(REALM);
	toLearnifier = await harness.importTemplate('ss12000-to-learnifier.json', (workflow) =>
		withCustomerSettings(workflow, {
			externalIdFrom: 'externalIdentifier',
			externalIdContext: LEGACY_ID_CONTEXT,
		}),
	);
	staffToGoPublic = await harness.importTemplate('ss12000-staff-to-gopublic.json');
});

after(async () => {
	await harness?.close();
});

beforeEach(() => harness.sims.reset());
/** Every token the token endpoint gave (a reset forgets them; n8n keeps the last one stored). */
const tokensGiven: string[] = [];
afterEach(() => tokensGiven.push(...harness.sims.ss12000.state.tokensGiven));

const ss12000 = () => harness.sims.ss12000;
const learnifier = () => harness.sims.learnifier;
const tidyEmail = (email: string | null) => email?.trim().toLowerCase() || null;

async function runLearnifierNight() {
	const from = learnifier().requests.length;
	const execution = await harness.run(toLearnifier);
	return { execution, requests: learnifier().requests.slice(from) };
}

function sharingAnEmail(people: readonly Person[]): Set<string> {
	const byEmail = new Map<string, string[]>();
	for (const person of people.filter((p) => !isProtectedPerson(p))) {
		const email = tidyEmail(person.email);
		if (email) byEmail.set(email, [...(byEmail.get(email) ?? []), String(person.id)]);
	}
	return new Set([...byEmail.values()].filter((ids) => ids.length > 1).flat());
}

/**
 * Learnifier holds every SS 12000 person without a protected identity (same names, the school
 * e-mail in lower case, unlocked); a protected person's old user and every leaver's are locked;
 * admins are as they were; no external ID twice.
 */
function assertConverged(usersBefore: readonly LearnifierUser[]) {
	const people = ss12000().state.world.people;
	const skipped = sharingAnEmail(people);
	const earlier = new Map(usersBefore.map((user) => [user.id, user]));
	for (const person of people) {
		const user = learnifier().state.users.findByExternalId(String(person.id));
		if (isProtectedPerson(person)) {
			assert.ok(!user || user.hardLock, `protected person ${person.id}: no open account`);
			continue;
		}
		assert.ok(user, `person ${person.id} has no Learnifier user`);
		if (skipped.has(String(person.id))) continue;
		assert.deepEqual(
			[user.firstName, user.lastName, user.primaryEmail, user.hardLock],
			[person.firstName, person.lastName, tidyEmail(person.email), false],
			`person ${person.id}`,
		);
	}
	const inSource = new Set(people.map((person) => String(person.id)));
	const users = learnifier().state.users.all();
	for (const user of users) {
		if (user.externalId === null) assert.deepEqual(user, earlier.get(user.id), 'admins untouched');
		else if (!inSource.has(user.externalId))
			assert.equal(user.hardLock, true, `leaver ${user.externalId}`);
	}
	const externalIds = users.flatMap((user) => (user.externalId === null ? [] : [user.externalId]));
	assert.equal(
		new Set(externalIds).size,
		externalIds.length,
		'an external ID occurs twice in Learnifier',
	);
}

test('SS 12000 → Learnifier converges 2,000 people over three nights (first, quiet, changed source) with no duplicates', async (t) => {
	const usersBefore = structuredClone([...learnifier().state.users.all()]);
	const protectedWithAccount = ss12000()
		.state.world.people.filter((p) => isProtectedPerson(p))
		.filter((p) => learnifier().state.users.findByExternalId(String(p.id)));
	const first = await runLearnifierNight();
	assert.equal(first.execution.status, 'success', executionError(first.execution));
	assertConverged(usersBefore);
	const summary = syncSummary(first.execution);
	const shared = sharingAnEmail(ss12000().state.world.people);
	const people = new Map(ss12000().state.world.people.map((p) => [p.id, p]));
	const joiners = harness.sims.drift.joiners.filter(
		(id) => !isProtectedPerson(people.get(id)!) && !shared.has(String(id)),
	);
	assert.equal(summary.counts.created, joiners.length);
	assert.equal(
		summary.counts.locked,
		harness.sims.drift.leavers.length + protectedWithAccount.length,
	);
	assert.equal(summary.counts.failed, 0, JSON.stringify(summary.failed));
	t.diagnostic(`night 1: ${writesIn(first.requests).length} writes; ${summary.summary}`);

	const quiet = await runLearnifierNight();
	assert.equal(quiet.execution.status, 'success', executionError(quiet.execution));
	assert.deepEqual(writesIn(quiet.requests), [], 'a quiet night writes nothing');
	t.diagnostic(`night 2: ${syncSummary(quiet.execution).summary}`);

	const usersAfterQuiet = structuredClone([...learnifier().state.users.all()]);
	const world = ss12000().state.world;
	const sharedTonight = sharingAnEmail(world.people);
	const candidates = world.people.filter(
		(p) => p.email && !sharedTonight.has(String(p.id)) && !isProtectedPerson(p),
	);
	const [leaverA, leaverB, renamed, newEmail] = candidates.slice(-4);
	const joinersTonight: Person[] = [1, 2, 3].map((n) => ({
		...candidates[0],
		id: 60_000 + n,
		firstName: 'Ny',
		lastName: `Elev ${n}`,
		email: `ny.elev.${n}@skola.example.se`,
		schoolIds: [world.schools[0].id],
	}));
	ss12000().state.world = {
		...world,
		people: [
			...world.people
				.filter((p) => p !== leaverA && p !== leaverB)
				.map((p) =>
					p === renamed
						? { ...p, lastName: `${p.lastName}-Berg` }
						: p === newEmail
							? { ...p, email: `ny.adress.${p.id}@skola.example.se` }
							: p,
				),
			...joinersTonight,
		],
	};
	const changed = await runLearnifierNight();
	assert.equal(changed.execution.status, 'success', executionError(changed.execution));
	assertConverged(usersAfterQuiet);
	const changedSummary = syncSummary(changed.execution);
	assert.deepEqual(
		[changedSummary.counts.created, changedSummary.counts.updated, changedSummary.counts.locked],
		[3, 2, 2],
	);
	assert.deepEqual(
		writesIn(changed.requests)
			.map((request) => request.method)
			.sort(),
		['PATCH', 'PATCH', 'PATCH', 'PATCH', 'POST', 'POST', 'POST'],
	);
	t.diagnostic(`night 3: ${changedSummary.summary}`);
});

test('SS 12000 staff → GoPublic never sends a person with a protected identity', async (t) => {
	const execution = await harness.run(staffToGoPublic);
	assert.equal(execution.status, 'success', executionError(execution));
	const people = ss12000().state.world.people;
	const staff = people.filter((p) => p.role === 'teacher');
	const protectedStaff = staff.filter(isProtectedPerson);
	assert.ok(protectedStaff.length > 0, 'the realm has staff with a protected identity');
	const members = distinctMembers(harness.sims.gopublic.state);
	assert.equal(members.length, staff.length - protectedStaff.length);
	const sent = JSON.stringify(members);
	for (const person of protectedStaff) {
		assert.ok(!sent.includes(personUuid(person.id)), `protected ${person.id} sent by ID`);
		assert.ok(
			!sent.includes(`${person.firstName} ${person.lastName}`),
			`protected ${person.id} sent by name`,
		);
	}
	const stored = JSON.stringify(execution);
	for (const person of protectedStaff)
		assert.ok(
			!stored.includes(`${person.firstName} ${person.lastName}`),
			'no protected name in the execution',
		);
	t.diagnostic(
		`staff: ${syncSummary(execution).summary}; ${protectedStaff.length} protected staff left out`,
	);
});

test('a token endpoint that refuses the client ends the night red with a message naming the credential', async (t) => {
	ss12000().configure({ refuseClients: true });
	const { execution, requests } = await runLearnifierNight();
	assert.equal(execution.status, 'error');
	const message = executionError(execution);
	t.diagnostic(`refused: ${message}`);
	assert.match(
		message,
		/The credential "SS 12000 \(simulator\)" was refused: its token endpoint refused the client ID and secret \(401: invalid_client/,
	);
	assert.deepEqual(writesIn(requests), [], 'nothing is written to Learnifier');
});

test("no client secret or token appears in any saved execution or in n8n's log", async () => {
	assert.deepEqual(await harness.leakedSecrets(), []);
	const tokens = tokensGiven;
	assert.ok(tokens.length > 0);
	const leaked: string[] = [];
	for (const id of await harness.n8n.rest.listExecutionIds())
		leaked.push(...secretsFoundIn(JSON.stringify(await harness.n8n.rest.getExecution(id)), tokens));
	assert.deepEqual(leaked, []);
});
