/**
 * workflows/admentum-to-learnifier.json in real n8n 2.41.1 (our built package installed as a
 * community package) against the Admentum and Learnifier simulators. Every assertion reads the
 * simulators (their records and request logs) or the saved execution through REST.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';

import type { LearnifierUser } from '../simulators/learnifier/learnifierSimulator';
import type { Person } from '../simulators/seed/people';
import {
	executionError,
	startTemplateHarness,
	syncSummary,
	writesIn,
	type TemplateHarness,
} from './templateHarness';
import type { WorkflowJson } from '../n8n-runtime/realN8n';

const TEMPLATE = 'admentum-to-learnifier.json';

let harness: TemplateHarness;
let workflow: WorkflowJson;

before(async () => {
	harness = await startTemplateHarness();
	workflow = await harness.importTemplate(TEMPLATE);
});

after(async () => {
	await harness?.close();
});

beforeEach(() => harness.sims.reset());

const learnifier = () => harness.sims.learnifier;
const admentum = () => harness.sims.admentum;
const tidyEmail = (email: string | null) => email?.trim().toLowerCase() || null;
const userPath = (request: { path: string }) => /^\/users\/([^/?]+)/.exec(request.path)?.[1];

/** Runs the template; returns the execution and the Learnifier requests it made. */
async function runTemplate() {
	const from = learnifier().requests.length;
	const execution = await harness.run(workflow);
	return { execution, requests: learnifier().requests.slice(from) };
}

/** Source people whose e-mail another source person also has: Reconcile skips them (unique e-mail). */
function sharingAnEmail(people: readonly Person[]): Set<string> {
	const byEmail = new Map<string, string[]>();
	for (const person of people) {
		const email = tidyEmail(person.email);
		if (email) byEmail.set(email, [...(byEmail.get(email) ?? []), String(person.id)]);
	}
	return new Set([...byEmail.values()].filter((ids) => ids.length > 1).flat());
}

/**
 * Learnifier holds every Admentum person (same names, e-mail in lower case, unlocked); the users
 * whose person left are locked; users without an external ID (admins) are as they were; no external
 * ID twice. People sharing an e-mail are skipped: their users are as they were.
 */
function assertConverged(usersBefore: readonly LearnifierUser[]) {
	const people = admentum().state.world.people;
	const skipped = sharingAnEmail(people);
	const users = learnifier().state.users.all();
	const earlier = new Map(usersBefore.map((user) => [user.id, user]));
	for (const person of people) {
		const user = learnifier().state.users.findByExternalId(String(person.id));
		assert.ok(user, `person ${person.id} has no Learnifier user`);
		if (skipped.has(String(person.id))) {
			assert.deepEqual(
				user,
				earlier.get(user.id),
				`person ${person.id} shares an e-mail: nothing may be written`,
			);
			continue;
		}
		assert.deepEqual(
			{
				firstName: user.firstName,
				lastName: user.lastName,
				primaryEmail: user.primaryEmail,
				hardLock: user.hardLock,
			},
			{
				firstName: person.firstName,
				lastName: person.lastName,
				primaryEmail: tidyEmail(person.email),
				hardLock: false,
			},
			`person ${person.id}`,
		);
	}
	const inSource = new Set(people.map((person) => String(person.id)));
	for (const user of users) {
		if (user.externalId === null)
			assert.deepEqual(user, earlier.get(user.id), `admin ${user.id} must stay untouched`);
		else if (!inSource.has(user.externalId))
			assert.equal(user.hardLock, true, `leaver ${user.externalId} must be locked`);
	}
	const externalIds = users.flatMap((user) => (user.externalId === null ? [] : [user.externalId]));
	assert.equal(
		new Set(externalIds).size,
		externalIds.length,
		'an external ID occurs twice in Learnifier',
	);
}

const copyOfUsers = () => structuredClone([...learnifier().state.users.all()]);

test('first run converges Learnifier to Admentum; a second run sends no write request', async (t) => {
	const usersBefore = copyOfUsers();
	const { drift } = harness.sims;
	const first = await runTemplate();
	assert.equal(first.execution.status, 'success', executionError(first.execution));
	assertConverged(usersBefore);
	const writes = writesIn(first.requests);
	assert.equal(writes.filter((request) => request.method === 'POST').length, drift.joiners.length);
	assert.equal(
		writes.filter((request) => request.method === 'DELETE').length,
		0,
		'leavers are locked, not deleted',
	);
	const summary = syncSummary(first.execution);
	assert.equal(summary.counts.created, drift.joiners.length);
	assert.equal(summary.counts.locked, drift.leavers.length);
	assert.equal(summary.counts.failed, 0, JSON.stringify(summary.failed));
	t.diagnostic(`run 1: ${writes.length} write requests; summary: ${summary.summary}`);

	const second = await runTemplate();
	assert.equal(second.execution.status, 'success', executionError(second.execution));
	const secondWrites = writesIn(second.requests);
	t.diagnostic(
		`run 2: ${secondWrites.length} write requests; summary: ${syncSummary(second.execution).summary}`,
	);
	assert.deepEqual(secondWrites, [], 'the second run must not write');
	assertConverged(usersBefore);
});

test('a source change (joiners, leavers, renamed, new e-mail, e-mail moved) makes exactly the expected writes', async (t) => {
	assert.equal((await runTemplate()).execution.status, 'success');
	const usersBefore = copyOfUsers();
	const world = admentum().state.world;
	const shared = sharingAnEmail(world.people);
	const candidates = world.people.filter(
		(person) => person.email && !shared.has(String(person.id)),
	);
	const [leaverA, leaverB, renamedA, renamedB, newEmail, movedFrom, movedTo] = candidates.slice(-7);
	const joiners: Person[] = [1, 2, 3].map((n) => ({
		...candidates[0],
		id: 50_000 + n,
		firstName: 'Ny',
		lastName: `Elev ${n}`,
		email: `ny.elev.${n}@skola.example.se`,
		schoolIds: [world.schools[0].id],
	}));
	const change: Record<number, Partial<Person>> = {
		[renamedA.id]: { lastName: `${renamedA.lastName}-Berg` },
		[renamedB.id]: { firstName: `${renamedB.firstName}-Maria` },
		[newEmail.id]: { email: `ny.adress.${newEmail.id}@skola.example.se` },
		// movedFrom's address now belongs to movedTo; movedFrom gets a new one.
		[movedFrom.id]: { email: `flyttad.${movedFrom.id}@skola.example.se` },
		[movedTo.id]: { email: movedFrom.email },
	};
	admentum().state.world = {
		...world,
		people: [
			...world.people
				.filter((person) => person !== leaverA && person !== leaverB)
				.map((person) => ({ ...person, ...change[person.id] })),
			...joiners,
		],
	};

	const { execution, requests } = await runTemplate();
	assert.equal(execution.status, 'success', executionError(execution));
	assertConverged(usersBefore);
	const writes = writesIn(requests);
	const idOf = (person: Person) =>
		usersBefore.find((user) => user.externalId === String(person.id))!.id;
	const patchesPerUser: Record<string, number> = {};
	for (const request of writes.filter((r) => r.method === 'PATCH')) {
		const id = userPath(request)!;
		patchesPerUser[id] = (patchesPerUser[id] ?? 0) + 1;
	}
	const expectedPatches = Object.fromEntries(
		[leaverA, leaverB, renamedA, renamedB, newEmail, movedFrom, movedTo].map((person) => [
			idOf(person),
			1,
		]),
	);
	assert.deepEqual(
		patchesPerUser,
		expectedPatches,
		'one PATCH for each changed, moved and leaving person, none else',
	);
	assert.equal(writes.filter((r) => r.method === 'POST').length, joiners.length);
	assert.equal(writes.filter((r) => r.method === 'DELETE').length, 0);
	for (const leaver of [leaverA, leaverB])
		assert.equal(learnifier().state.users.get(idOf(leaver))!.hardLock, true);
	const summary = syncSummary(execution);
	assert.deepEqual(
		{
			created: summary.counts.created,
			updated: summary.counts.updated,
			locked: summary.counts.locked,
		},
		{ created: 3, updated: 5, locked: 2 },
	);
	t.diagnostic(
		`source change: ${writes.length} write requests (3 POST, 7 PATCH of which 2 locks); summary: ${summary.summary}`,
	);
});

test('names held in Unicode NFD (pasted from a Mac): the same name in NFC is unchanged, a new person is written in NFC', async () => {
	await runTemplate();
	const world = admentum().state.world;
	const shared = sharingAnEmail(world.people);
	const synced = world.people.find(
		(p) => p.firstName.normalize('NFD') !== p.firstName && !shared.has(String(p.id)),
	);
	assert.ok(synced, 'the seeded world holds a name with a letter such as Å or Ö');
	const model = world.people.find((p) => p.role === 'teacher')!;
	const joiner = {
		...model,
		id: 990001,
		guid: 'nfd-joiner-990001',
		firstName: 'Åsa'.normalize('NFD'),
		lastName: 'Öberg'.normalize('NFD'),
		email: 'asa.oberg.990001@skola.example.se',
		schoolIds: [...model.schoolIds],
	};
	admentum().state.world = {
		...world,
		people: [
			...world.people.map((p) =>
				p === synced ? { ...p, firstName: p.firstName.normalize('NFD') } : p,
			),
			joiner,
		],
	};
	const { execution, requests } = await runTemplate();
	assert.equal(execution.status, 'success', executionError(execution));
	assert.deepEqual(
		writesIn(requests).map((request) => request.method),
		['POST'],
		'only the new person is written: the NFD spelling of a synced name is no change',
	);
	const created = learnifier().state.users.findByExternalId('990001');
	assert.equal(created?.firstName, 'Åsa'.normalize('NFC'));
	assert.equal(created?.lastName, 'Öberg'.normalize('NFC'));
});

test("a truncated source (Admentum answers 40 % of its people) removes nobody; the night ends red with the guard's numbers", async (t) => {
	const lockedBefore = learnifier()
		.state.users.all()
		.filter((user) => user.hardLock)
		.map((user) => user.id);
	admentum().configure({ populationShare: 0.4 });
	const { execution, requests } = await runTemplate();
	assert.equal(execution.status, 'error');
	const message = executionError(execution);
	t.diagnostic(`deletion guard: ${message}`);
	assert.match(
		message,
		/^Night failed \(.*\d+ held\): the removals were held, the creates and updates were applied: \d+ of \d+ removals held/,
	);
	assert.equal(execution.data.resultData.error?.node?.name, 'Fail the Night');
	const summary = syncSummary(execution) as ReturnType<typeof syncSummary> & { held: string[] };
	assert.ok(summary.held.length > 0, 'the summary names the held removals');
	assert.deepEqual(
		learnifier()
			.state.users.all()
			.filter((user) => user.hardLock)
			.map((user) => user.id),
		lockedBefore,
		'nobody is locked when the guard holds the removals',
	);
	assert.ok(
		writesIn(requests).every((request) => request.method !== 'DELETE'),
		'nobody is deleted',
	);
});

test('with 30 % of Learnifier answers 429 and 5 % 503 (Retry-After 1 s) the run still converges, no user twice', async (t) => {
	const usersBefore = copyOfUsers();
	// 35 % of answers fail: six 429s for every 503.
	learnifier().setFaults({
		errorShare: 0.35,
		errorStatuses: [429, 429, 429, 429, 429, 429, 503],
		retryAfterSeconds: 1,
		seed: 2026,
	});
	const started = Date.now();
	const { execution, requests } = await runTemplate();
	assert.equal(execution.status, 'success', executionError(execution));
	learnifier().setFaults({ errorShare: 0 });
	assertConverged(usersBefore);
	const summary = syncSummary(execution);
	assert.equal(summary.counts.failed, 0, JSON.stringify(summary.failed));
	const count = (status: number) => requests.filter((request) => request.status === status).length;
	t.diagnostic(
		`under faults: ${requests.length} requests, ${count(429)} answered 429 and ${count(503)} answered 503, all survived; ` +
			`${writesIn(requests).filter((r) => r.status < 300).length} writes succeeded; run took ${((Date.now() - started) / 1000).toFixed(1)} s; summary: ${summary.summary}`,
	);
	assert.ok(count(429) > 0, 'the fault switch did not bite');
});

test("no API key appears in any saved execution or in n8n's log", async () => {
	assert.deepEqual(await harness.leakedSecrets(), []);
});
