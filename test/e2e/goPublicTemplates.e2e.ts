/**
 * workflows/admentum-staff-to-gopublic.json and workflows/hr-csv-to-gopublic.json in real n8n
 * 2.41.1 against the simulators. GoPublic cannot list its members, so "a second run writes
 * nothing" means here: the import request GoPublic receives reports every member unchanged (GoPublic
 * itself skips unchanged members) and the simulator's records are untouched. "Lock Members That
 * Left" remembers the last import only in production (published) runs, so the leaver tests publish
 * a copy whose schedule fires every few seconds instead of nightly.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';

import { copyFileSync, mkdirSync } from 'node:fs';

import { hrRowsFrom, writeHrCsv, type HrRow } from '../fixtures/hrCsv';
import { BO, KONTAKTER_CSV, MARTA, SOREN } from '../fixtures/kontakter/kontakter';
import { withCustomerSettings, withScheduleEverySeconds } from '../fixtures/templates';
import {
	distinctMembers,
	SUCCESS_ANSWERS,
	type StoredMember,
} from '../simulators/gopublic/memberImport';
import { TRICKY_VALUES } from '../simulators/admentum/seedAdmentum';
import { nodeOutput, type ExecutionRecord } from '../n8n-runtime/n8nRest';
import {
	executionError,
	startTemplateHarness,
	syncSummary,
	type TemplateHarness,
} from './templateHarness';
import type { WorkflowJson } from '../n8n-runtime/realN8n';

const STAFF_TEMPLATE = 'admentum-staff-to-gopublic.json';
const HR_TEMPLATE = 'hr-csv-to-gopublic.json';
/** Production runs need the schedule to fire within the test: every 3 seconds instead of nightly. */
const TEST_SCHEDULE_SECONDS = 3;

let harness: TemplateHarness;
let csvFile: string;

before(async () => {
	harness = await startTemplateHarness();
	csvFile = join(harness.filesFolder, 'hr', 'members.csv');
});

after(async () => {
	await harness?.close();
});

beforeEach(() => harness.sims.reset());

const gopublic = () => harness.sims.gopublic;
const staff = () =>
	harness.sims.admentum.state.world.people.filter((person) => person.role === 'teacher');
const member = (uuid: string) => gopublic().state.members.get(uuid);
const membersJson = () => JSON.stringify(distinctMembers(gopublic().state));

function assertSucceeded(execution: ExecutionRecord) {
	assert.equal(execution.status, 'success', executionError(execution));
	const { counts, failed } = syncSummary(execution);
	assert.equal(counts.failed, 0, JSON.stringify(failed));
}

/** A production run of the workflow; the Sync Summary counts and the lock state it leaves. */
async function productionNight(workflow: WorkflowJson) {
	const execution = await harness.productionRun(workflow);
	assert.equal(execution.mode, 'trigger', 'a production run starts from the schedule');
	assertSucceeded(execution);
	return { execution, counts: syncSummary(execution).counts };
}

function lockStates(members: StoredMember[]) {
	return members.map((stored) => ({
		uuid: stored.uuids[0],
		locked: stored.locked,
		lockedAt: stored.lockedAt,
	}));
}

test('staff → GoPublic: the first run imports every teacher; the second run finds every member unchanged', async (t) => {
	const workflow = await harness.importTemplate(STAFF_TEMPLATE);
	const first = await harness.run(workflow);
	assertSucceeded(first);
	for (const teacher of staff()) {
		const stored = member(String(teacher.id));
		assert.ok(stored, `teacher ${teacher.id} is missing in GoPublic`);
		assert.deepEqual(
			{
				name: stored.fields.name,
				email: stored.fields.email,
				roles: stored.fields.roles,
				locked: stored.locked,
			},
			{
				name: `${teacher.firstName} ${teacher.lastName}`,
				email: teacher.email?.trim().toLowerCase(),
				roles: ['Medarbejder'],
				locked: false,
			},
		);
	}
	assert.equal(distinctMembers(gopublic().state).length, staff().length);
	t.diagnostic(
		`staff run 1: ${syncSummary(first).summary} in ${gopublic().state.batchSizes.length} import request(s)`,
	);

	const before = membersJson();
	const second = await harness.run(workflow);
	assertSucceeded(second);
	const { counts, summary } = syncSummary(second);
	assert.deepEqual(
		{
			created: counts.created,
			updated: counts.updated,
			locked: counts.locked,
			unchanged: counts.unchanged,
		},
		{ created: 0, updated: 0, locked: 0, unchanged: staff().length },
	);
	assert.equal(membersJson(), before, 'GoPublic must hold exactly what it held');
	t.diagnostic(`staff run 2: ${summary} (the import request reports every member unchanged)`);
});

test('staff → GoPublic: every legal 2xx answer to the import counts the members as imported, never as failed', async (t) => {
	const workflow = await harness.importTemplate(STAFF_TEMPLATE);
	for (const answer of SUCCESS_ANSWERS) {
		gopublic().answerSuccessWith(answer);
		const execution = await harness.run(workflow);
		assertSucceeded(execution);
		const { counts, summary } = syncSummary(execution);
		const imported = counts.created + counts.updated + counts.unchanged + counts.sent;
		assert.equal(imported, staff().length, `${answer}: ${summary}`);
		t.diagnostic(`GoPublic answering "${answer}": ${summary}`);
	}
	assert.equal(distinctMembers(gopublic().state).length, staff().length);
});

test('staff → GoPublic: a teacher without e-mail is skipped by name, not failed, and the night stays green', async () => {
	const world = harness.sims.admentum.state.world;
	const [first, ...others] = world.people.filter((person) => person.role === 'teacher');
	harness.sims.admentum.state.world = {
		...world,
		people: world.people.map((person) => (person === first ? { ...person, email: null } : person)),
	};
	const workflow = await harness.importTemplate(STAFF_TEMPLATE);
	const execution = await harness.run(workflow);
	assertSucceeded(execution);
	const { counts, skipped } = syncSummary(execution);
	assert.equal(counts.skipped, 1);
	assert.equal(counts.created, others.length);
	assert.match(
		String(skipped[0]),
		new RegExp(`uuid ${first.id} \\(${first.firstName} ${first.lastName}\\): "email" is required`),
	);
});

test('staff → GoPublic: a 403 night (IP not whitelisted) ends red with the plain reason; the summary stays visible', async (t) => {
	gopublic().refuseCallers(true);
	const workflow = await harness.importTemplate(STAFF_TEMPLATE);
	const execution = await harness.run(workflow);
	assert.equal(execution.status, 'error');
	const message = executionError(execution);
	t.diagnostic(`403 night: ${message}`);
	assert.match(
		message,
		/^Night failed \(\d+ failed\): a target refused the work as a whole: .*whitelist/,
	);
	assert.equal(execution.data.resultData.error?.node?.name, 'Fail the Night');
	const summary = syncSummary(execution);
	assert.equal(summary.nightFailed, true);
	assert.equal(summary.counts.failed, staff().length);
	assert.equal(
		summary.failed.length,
		0,
		'a refusal as a whole is listed once under refused, not per member',
	);
	assert.equal(summary.refused.length, 1);
});

test('staff → GoPublic, published: 20 % of the staff gone at once is held by the guard; the import goes, nobody is locked, the night ends red', async (t) => {
	const workflow = await harness.importTemplate(STAFF_TEMPLATE, (template) =>
		withScheduleEverySeconds(template, TEST_SCHEDULE_SECONDS),
	);
	await productionNight(workflow);
	const world = harness.sims.admentum.state.world;
	const gone = new Set(staff().slice(0, Math.ceil(staff().length * 0.2)));
	harness.sims.admentum.state.world = {
		...world,
		people: world.people.filter((person) => !gone.has(person)),
	};
	const batchesBefore = gopublic().state.batchSizes.length;
	const execution = await harness.productionRun(workflow);
	assert.equal(execution.status, 'error');
	const message = executionError(execution);
	t.diagnostic(`guard-held night: ${message}`);
	assert.match(
		message,
		new RegExp(
			`^Night failed \\(.*${gone.size} held\\): the removals were held, the creates and updates were applied: ${gone.size} of \\d+ locks held`,
		),
	);
	assert.deepEqual(
		gopublic().state.batchSizes.slice(batchesBefore),
		[staff().length],
		'the import was sent, no lock batch',
	);
	assert.equal(distinctMembers(gopublic().state).filter((stored) => stored.locked).length, 0);
	assert.equal((syncSummary(execution).counts as Record<string, number>).held, gone.size);
});

test('staff → GoPublic, published: leavers are locked once across two production runs, not again on a third', async (t) => {
	const workflow = await harness.importTemplate(STAFF_TEMPLATE, (template) =>
		withScheduleEverySeconds(template, TEST_SCHEDULE_SECONDS),
	);
	const night1 = await productionNight(workflow);
	assert.equal(night1.counts.created, staff().length);

	const leavers = staff().slice(0, 3);
	const world = harness.sims.admentum.state.world;
	harness.sims.admentum.state.world = {
		...world,
		people: world.people.filter((person) => !leavers.includes(person)),
	};
	const night2 = await productionNight(workflow);
	assert.equal(night2.counts.locked, leavers.length);
	for (const leaver of leavers)
		assert.equal(member(String(leaver.id))?.locked, true, `leaver ${leaver.id} must be locked`);
	const locked = distinctMembers(gopublic().state).filter((stored) => stored.locked);
	assert.equal(locked.length, leavers.length, 'only the leavers are locked');
	const afterNight2 = lockStates(locked);

	const batchesBefore = gopublic().state.batchSizes.length;
	const night3 = await productionNight(workflow);
	assert.equal(night3.counts.locked, 0, 'a leaver is locked once');
	assert.deepEqual(
		gopublic().state.batchSizes.slice(batchesBefore),
		[staff().length],
		'night 3 sends the import and no lock batch',
	);
	assert.deepEqual(
		lockStates(locked),
		afterNight2,
		'the first lock stands (its date does not move)',
	);
	t.diagnostic(
		`staff production runs: night 1 ${night1.counts.created} created; night 2 ${night2.counts.locked} locked; night 3 ${night3.counts.locked} locked`,
	);
});

test("staff → GoPublic, published: a red night's lock is saved in the Data Table before the night is judged; the leaver back the next night is unlocked", async (t) => {
	const workflow = await harness.importTemplate(STAFF_TEMPLATE, (template) =>
		withScheduleEverySeconds(template, TEST_SCHEDULE_SECONDS),
	);
	await productionNight(workflow);

	// One teacher leaves, and GoPublic refuses a fifth of the others' records: the night is red.
	const world = harness.sims.admentum.state.world;
	const [leaver, ...others] = staff();
	const refused = others.slice(0, Math.ceil(others.length / 5));
	harness.sims.admentum.state.world = {
		...world,
		people: world.people.filter((person) => person !== leaver),
	};
	gopublic().takeEmails(refused.map((person) => String(person.email)));
	const red = await harness.productionRun(workflow);
	assert.equal(red.status, 'error', 'the refused share makes the night red');
	assert.equal(member(String(leaver.id))?.locked, true, 'the leaver was locked');
	const saved = nodeOutput(red, 'Save Memory');
	assert.ok(saved.length > 0, 'Save Memory ran on the red night');
	const remembered = Object.assign(
		{},
		...saved.map((row) => JSON.parse(String(row.members)) as Record<string, string>),
	);
	assert.equal(remembered[String(leaver.id)], 'locked', 'the Data Table holds the lock');
	t.diagnostic(
		`red night: ${executionError(red).split('\n')[0]}; ${saved.length} memory row(s) saved`,
	);

	// The next night he is back, and GoPublic takes every record again: he is unlocked.
	harness.sims.admentum.state.world = world;
	gopublic().takeEmails([]);
	const back = await productionNight(workflow);
	assert.equal(member(String(leaver.id))?.locked, false, 'the returner is unlocked');
	t.diagnostic(`the night after: ${syncSummary(back.execution).summary}`);
});

test('HR CSV → GoPublic, published: the file (BOM, ";") is imported, leavers locked once, not again', async (t) => {
	const rows = hrRowsFrom(harness.sims.admentum.state.world);
	writeHrCsv(csvFile, rows);
	const workflow = await harness.importTemplate(HR_TEMPLATE, (template) =>
		withScheduleEverySeconds(withCustomerSettings(template, { csvFile }), TEST_SCHEDULE_SECONDS),
	);
	const night1 = await productionNight(workflow);
	assert.equal(night1.counts.created, rows.length);
	for (const row of rows) {
		const stored = member(row.uuids[0]);
		assert.ok(stored, `row ${row.cells.UUID} is missing in GoPublic`);
		assert.equal(stored, member(row.uuids[1]), 'both uuids of a row name one member');
		assert.deepEqual(
			stored.uuids,
			row.uuids,
			'the first column is read as UUID (the byte-order mark is removed)',
		);
		assert.equal(stored.fields.email, row.cells.EmailAddress);
		assert.equal(stored.fields.mobileNumber, row.cells.MobilePhone);
		assert.equal(stored.fields.location, row.cells.Location);
		assert.deepEqual(stored.fields.roles, row.cells.Roles.split('|'));
		assert.equal(stored.fields.title, row.cells.Title);
	}
	assert.ok(
		rows.some((row) => row.cells.Title === TRICKY_VALUES.titleWithSemicolon),
		'the file holds a quoted cell with ";" in it',
	);

	const leavers: HrRow[] = rows.slice(-2);
	writeHrCsv(csvFile, rows.slice(0, -2));
	const night2 = await productionNight(workflow);
	assert.equal(night2.counts.locked, leavers.length);
	for (const leaver of leavers) assert.equal(member(leaver.uuids[0])?.locked, true);
	assert.equal(
		distinctMembers(gopublic().state).filter((stored) => stored.locked).length,
		leavers.length,
	);

	const before = membersJson();
	const night3 = await productionNight(workflow);
	assert.equal(night3.counts.locked, 0);
	assert.equal(night3.counts.unchanged, rows.length - leavers.length);
	assert.equal(membersJson(), before, 'night 3 changes nothing in GoPublic');
	t.diagnostic(
		`HR CSV production runs: night 1 ${night1.counts.created} created; night 2 ${night2.counts.locked} locked; ` +
			`night 3 ${night3.counts.unchanged} unchanged, ${night3.counts.locked} locked`,
	);
});

test("HR CSV → GoPublic on the layout of GoPublic's own guide (Kontakter.csv): the members its script sends, none failed", async (t) => {
	mkdirSync(join(harness.filesFolder, 'hr'), { recursive: true });
	copyFileSync(KONTAKTER_CSV, csvFile);
	const workflow = await harness.importTemplate(HR_TEMPLATE, (template) =>
		withCustomerSettings(template, { csvFile }),
	);
	const execution = await harness.run(workflow);
	assertSucceeded(execution);
	assert.deepEqual(gopublic().state.received, [SOREN, MARTA, BO]);
	const { summary, skipped } = syncSummary(execution);
	assert.equal(summary, '3 created, 1 skipped');
	assert.deepEqual(skipped, [
		'Item 4, CSV line 5, uuid dk-1004 (Ida Lund): "email" is required for a new member (from "EmailAddress")',
	]);
	t.diagnostic(`Kontakter.csv: ${summary}; skipped: ${skipped.join(' | ')}`);
});

test("no API key appears in any saved execution or in n8n's log", async () => {
	assert.deepEqual(await harness.leakedSecrets(), []);
});
