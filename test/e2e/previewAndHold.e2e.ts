/**
 * Preview, held removals and their approval, and a one-person run, in workflows/admentum-to-
 * learnifier.json in real n8n against the simulators. Every assertion reads the simulators' records
 * and request logs, or the saved execution's Sync Summary.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';

import { withCustomerSettings } from '../fixtures/templates';
import type { WorkflowJson } from '../n8n-runtime/realN8n';
import {
	executionError,
	startTemplateHarness,
	syncSummary,
	writesIn,
	type TemplateHarness,
} from './templateHarness';

const TEMPLATE = 'admentum-to-learnifier.json';

let harness: TemplateHarness;
let preview: WorkflowJson;
let apply: WorkflowJson;

/** A copy of the template with these Customer Settings (the harness starts from `mode: apply`). */
const copyWith = (settings: Record<string, string>) =>
	harness.importTemplate(TEMPLATE, (workflow) => withCustomerSettings(workflow, settings));

before(async () => {
	harness = await startTemplateHarness();
	preview = await copyWith({ mode: 'preview' });
	apply = await copyWith({});
});

after(async () => {
	await harness?.close();
});

beforeEach(() => harness.sims.reset());

const learnifier = () => harness.sims.learnifier;
const admentum = () => harness.sims.admentum;

interface Summary extends ReturnType<typeof syncSummary> {
	counts: ReturnType<typeof syncSummary>['counts'] & Record<string, number>;
	preview: boolean;
	wouldDo: string[];
	held: string[];
	heldBecause?: string;
	approved: string[];
}

async function night(workflow: WorkflowJson) {
	const from = learnifier().requests.length;
	const execution = await harness.run(workflow);
	const writes = writesIn(learnifier().requests.slice(from));
	return { execution, writes, summary: syncSummary(execution) as Summary };
}

const lockedIds = () =>
	learnifier()
		.state.users.all()
		.filter((user) => user.hardLock)
		.map((user) => user.externalId)
		.sort();

/** The source without its last `count` people, as a cut-short export would be; returns the
 * external IDs of those with an unlocked Learnifier user (the removals the night plans). */
function cutSource(count: number): string[] {
	const world = admentum().state.world;
	const gone = world.people.slice(-count).map((person) => String(person.id));
	admentum().state.world = { ...world, people: world.people.slice(0, -count) };
	return gone.filter((id) => learnifier().state.users.findByExternalId(id)?.hardLock === false);
}

/** People with an e-mail no one else in the source has: Reconcile syncs them. */
function syncable() {
	const people = admentum().state.world.people;
	const holders = new Map<string, number>();
	for (const { email } of people) {
		const key = email?.trim().toLowerCase();
		if (key) holders.set(key, (holders.get(key) ?? 0) + 1);
	}
	return people.filter(({ email }) => holders.get(email?.trim().toLowerCase() ?? '') === 1);
}

test('a preview sends no write request and reports exactly what the apply run then does', async (t) => {
	const looked = await night(preview);
	assert.equal(looked.execution.status, 'success', executionError(looked.execution));
	assert.deepEqual(looked.writes, [], 'a preview writes nothing');
	assert.equal(looked.summary.preview, true);
	assert.match(
		looked.summary.summary,
		/^Preview: \d+ would create, \d+ would update, \d+ would remove/,
	);
	assert.ok(looked.summary.wouldDo.some((line) => /^Would update .*: /.test(line)));

	const applied = await night(apply);
	assert.equal(applied.execution.status, 'success', executionError(applied.execution));
	const would = looked.summary.counts;
	assert.deepEqual(
		[applied.summary.counts.created, applied.summary.counts.updated, applied.summary.counts.locked],
		[would.wouldCreate, would.wouldUpdate, would.wouldRemove],
	);
	assert.equal(applied.summary.counts.unchanged, would.unchanged);
	assert.equal(applied.summary.counts.skipped, would.skipped);
	t.diagnostic(`preview: ${looked.summary.summary}`);
	t.diagnostic(`apply:   ${applied.summary.summary}`);
});

test('a held night applies creates and updates, no removal, and ends red; the approval lets them through the next night, with one more leaver since judged alone', async (t) => {
	assert.equal((await night(apply)).execution.status, 'success');
	const lockedBefore = lockedIds();
	const world = admentum().state.world;
	const [renamed] = syncable();
	admentum().state.world = {
		...world,
		people: world.people.map((p) => (p === renamed ? { ...p, lastName: `${p.lastName}-Ny` } : p)),
	};
	const gone = cutSource(200);

	const held = await night(apply);
	assert.equal(held.execution.status, 'error', 'a held night ends red');
	assert.deepEqual(lockedIds(), lockedBefore, 'no removal');
	assert.equal(held.summary.counts.updated, 1, 'the update went through');
	assert.equal(
		learnifier().state.users.findByExternalId(String(renamed.id))?.lastName,
		`${renamed.lastName}-Ny`,
	);
	assert.equal(held.summary.counts.held, gone.length);
	assert.equal(
		held.summary.held.length,
		101,
		'the first 100 by name (Max Reasons Listed), then how many more',
	);
	const code = /enter (\d+-[0-9a-f]{6}) /.exec(held.summary.heldBecause ?? '')?.[1];
	assert.ok(code, held.summary.heldBecause);
	t.diagnostic(`held: ${held.summary.summary}`);

	// One more person leaves before the admin enters the code in the same workflow's Customer
	// Settings: the held 200 go, and the one more leaver, judged on their own, is within the limits.
	const oneMore = cutSource(1);
	assert.equal(oneMore.length, 1);
	const sameWorkflow = (settings: Record<string, string>) =>
		harness.importTemplate(TEMPLATE, (workflow) => ({
			...withCustomerSettings(workflow, settings),
			id: apply.id,
		}));
	const approvedWith = await sameWorkflow({ approveHeldRemovals: code });
	try {
		const approved = await night(approvedWith);
		assert.equal(approved.execution.status, 'success', executionError(approved.execution));
		assert.deepEqual(lockedIds(), [...lockedBefore, ...gone, ...oneMore].sort());
		assert.equal(approved.summary.approved.length, 1);
		t.diagnostic(`approved: ${approved.summary.summary}; ${approved.summary.approved[0]}`);

		const after = await night(approvedWith);
		assert.equal(after.execution.status, 'success');
		assert.deepEqual(after.writes, [], 'nothing is left to remove');
	} finally {
		await sameWorkflow({});
	}
});

test('a one-person run touches only that person', async () => {
	assert.equal((await night(apply)).execution.status, 'success');
	const world = admentum().state.world;
	const [anna, other] = syncable();
	admentum().state.world = {
		...world,
		people: world.people.map((p) =>
			p === anna || p === other ? { ...p, firstName: `${p.firstName}-Ny` } : p,
		),
	};
	const onlyAnna = await copyWith({ onlyExternalIds: String(anna.id) });
	const { execution, writes, summary } = await night(onlyAnna);
	assert.equal(execution.status, 'success', executionError(execution));
	const annaUser = learnifier().state.users.findByExternalId(String(anna.id))!;
	assert.deepEqual(
		writes.map((request) => [request.method, request.path.split('?')[0]]),
		[['PATCH', `/users/${annaUser.id}`]],
	);
	assert.equal(summary.summary, '1 updated');
	assert.equal(
		learnifier().state.users.findByExternalId(String(other.id))?.firstName,
		other.firstName,
	);
});

test('the GoPublic staff template in preview sends nothing to GoPublic; the apply run imports what it said', async (t) => {
	const staff = 'admentum-staff-to-gopublic.json';
	const staffPreview = await harness.importTemplate(staff, (workflow) =>
		withCustomerSettings(workflow, { mode: 'preview' }),
	);
	const requests = () => harness.sims.gopublic.requests.length;
	const before = requests();
	const looked = await harness.run(staffPreview);
	assert.equal(looked.status, 'success', executionError(looked));
	assert.equal(requests(), before, 'a preview sends nothing');
	const would = syncSummary(looked) as Summary;
	assert.match(would.summary, /^Preview: \d+ would send$/);

	const applied = await harness.run(await harness.importTemplate(staff));
	assert.equal(applied.status, 'success', executionError(applied));
	assert.equal(syncSummary(applied).counts.created, would.counts.wouldSend);
	t.diagnostic(`staff preview: ${would.summary}; apply: ${syncSummary(applied).summary}`);
});
