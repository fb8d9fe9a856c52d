/**
 * The templates in real n8n 2.41.1 in queue mode: Postgres 17, Redis, one main and two workers,
 * each with our package installed as a community node. Twenty customers at once, each with its
 * own credentials and its own simulated tenant (Learnifier limited to 10 requests a second), the
 * Admentum → Learnifier template cloned per customer and published, so every run is a production
 * run that a worker picks up. Every assertion reads the simulators, the gateways in front of them
 * (whose key each request carried), the saved executions and the instances' logs.
 *
 * Without Redis (not installed, and not root with apt-get) the tests are skipped with the reason
 * and the command that enables them; under CI a missing Redis fails the run.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test, type TestContext } from 'node:test';

import { HISTORY_TABLE, REMOVAL_LOG_TABLE } from '../../nodes/shared/syncHistory';
import { readTemplate, withCustomerSettings } from '../fixtures/templates';
import { readDataTable } from '../n8n-runtime/dataTableRows';
import { ensureRuntime } from '../n8n-runtime/ensureRuntime';
import { ensureRedis } from '../n8n-runtime/ensureRedis';
import { printProgress } from '../n8n-runtime/progress';
import type { ExecutionRecord } from '../n8n-runtime/n8nRest';
import { startQueueMode, type QueueMode } from '../n8n-runtime/queueMode';
import { finishNight, runNight, startNight, type Night } from '../n8n-runtime/queue/nights';
import {
	changeSource,
	convergenceProblems,
	duplicates,
	startTenants,
	type Tenant,
	type Tenants,
} from '../n8n-runtime/queue/tenants';
import { importCustomerCopies } from '../n8n-runtime/queue/customerCopies';
import { secretsFoundIn, type WorkflowJson } from '../n8n-runtime/realN8n';
import { executionError, syncSummary } from './templateHarness';

const CUSTOMERS = 20;
const PEOPLE = 100;
const WORKERS = 2;
const CONCURRENCY = 10;
const LEARNIFIER_REQUESTS_PER_SECOND = 10;
/** Every published copy fires on the same tick: n8n's seconds schedule is a cron on whole multiples. */
const SCHEDULE_SECONDS = 10;
const LEARNIFIER_TEMPLATE = 'admentum-to-learnifier.json';
const STAFF_TEMPLATE = 'admentum-staff-to-gopublic.json';

let queue: QueueMode | undefined;
let tenants: Tenants;
let skipReason = '';
/** Per customer, in tenants.list order. */
let syncs: WorkflowJson[] = [];
const started = Date.now();

before(async () => {
	const redis = await ensureRedis();
	if (!redis.available) {
		skipReason = `queue mode not tested: ${redis.reason}`;
		printProgress(skipReason);
		return;
	}
	const runtime = await ensureRuntime();
	tenants = await startTenants(CUSTOMERS, {
		people: PEOPLE,
		drift: { joiners: 15, leavers: 4, renamed: 4, emailChanged: 3 },
		learnifierRequestsPerSecond: LEARNIFIER_REQUESTS_PER_SECOND,
	});
	try {
		queue = await startQueueMode({
			runtime,
			redisServer: redis.redisServer,
			workers: WORKERS,
			concurrency: CONCURRENCY,
		});
		syncs = await importPerCustomer(LEARNIFIER_TEMPLATE);
	} catch (error) {
		await queue?.stop();
		await tenants.close();
		throw error;
	}
});

after(async () => {
	await queue?.stop();
	await tenants?.close();
	if (queue)
		printProgress(
			`queue-mode test: ${((Date.now() - started) / 1000).toFixed(1)} s from start to stop`,
		);
});

const importPerCustomer = (file: string, change?: (workflow: WorkflowJson) => WorkflowJson) =>
	importCustomerCopies(queue!.main, tenants.list, file, {
		scheduleSeconds: SCHEDULE_SECONDS,
		change,
	});

function skipped(t: TestContext): boolean {
	if (queue) return false;
	t.skip(skipReason);
	return true;
}

const ids = (workflows: WorkflowJson[]) => workflows.map((workflow) => String(workflow.id));
const tenantOf = (execution: ExecutionRecord, workflows: WorkflowJson[]) =>
	tenants.list[
		workflows.findIndex((workflow) => String(workflow.id) === String(execution.workflowId))
	];
const workersOf = (night: Night) =>
	night.executions.map((execution) => queue!.workerOf(execution.id));
const allProblems = () => tenants.list.flatMap(convergenceProblems);

function assertGreen(execution: ExecutionRecord) {
	assert.equal(
		execution.status,
		'success',
		`execution ${execution.id}: ${executionError(execution)}`,
	);
	const { counts, failed } = syncSummary(execution);
	assert.equal(counts.failed, 0, JSON.stringify(failed));
}

/** The worker that ran an execution, or the main (which runs manual executions in n8n 2.41). */
function ranOn(executionId: string): string {
	const worker = queue!.workerOf(executionId);
	return worker === undefined ? 'the main' : queue!.workers[worker].name;
}

/** "split 11/9": how many runs each worker took. */
function split(workers: Array<number | undefined>): string {
	return queue!.workers
		.map((_, index) => workers.filter((worker) => worker === index).length)
		.join('/');
}

test(`${CUSTOMERS} customers at once, published: production runs spread over ${WORKERS} workers; each tenant converges, only on its own data`, async (t) => {
	if (skipped(t)) return;
	const night = await runNight(queue!.main.rest, ids(syncs));
	for (const execution of night.executions) {
		assert.equal(execution.mode, 'trigger', 'a production run, from the schedule');
		assertGreen(execution);
	}
	const workers = workersOf(night);
	assert.ok(
		workers.every((worker) => worker !== undefined),
		'every run was started by a worker',
	);
	assert.equal(
		new Set(workers).size,
		WORKERS,
		`the runs went to every worker (split ${split(workers)})`,
	);
	assert.deepEqual(allProblems(), []);
	assert.deepEqual(tenants.foreignRequests(), [], "no request may reach another customer's tenant");
	await assertNightOnRecord(night, syncs);
	const created = night.executions.reduce(
		(sum, execution) => sum + syncSummary(execution).counts.created,
		0,
	);
	t.diagnostic(
		`night 1: ${CUSTOMERS} customers × ${PEOPLE} people, ${created} created, in ${night.wallSeconds.toFixed(1)} s from first start to last stop; split ${split(workers)}; ${night.extraRuns} extra runs`,
	);
});

test('a worker killed with SIGKILL in the middle of a night: the next night converges every tenant, no external id twice', async (t) => {
	if (skipped(t)) return;
	for (const tenant of tenants.list) changeSource(tenant, { joiners: 30, leavers: 3, batch: 1 });
	const writesBefore = tenants.list.map((tenant) => writes(tenant));
	const rest = queue!.main.rest;
	const startedRuns = await startNight(rest, ids(syncs));
	const victim = 0;
	// Mid-night: the victim has runs going and at least one of them has written to its Learnifier.
	const runsOn = (worker: number) =>
		[...startedRuns.values()].filter((id) => queue!.workerOf(id) === worker);
	await waitFor(async () => {
		const writing = runsOn(victim).some((id) => {
			const index = tenants.list.indexOf(tenantByRun(startedRuns, id));
			return writes(tenants.list[index]) > writesBefore[index];
		});
		return writing ? true : undefined;
	}, 120_000);
	await queue!.killWorker(victim);
	const onVictim = runsOn(victim);
	const interrupted = onVictim.map((id) => tenantByRun(startedRuns, id));
	const unfinished = interrupted.filter((tenant) => convergenceProblems(tenant).length > 0);
	t.diagnostic(
		`killed ${queue!.workers[victim].name} with ${onVictim.length} runs going; ${unfinished.length} of their tenants were half done`,
	);
	assert.ok(unfinished.length > 0, 'the kill must interrupt a night in progress');
	await queue!.restartWorker(victim);
	const survivors = [...startedRuns.values()].filter((id) => !onVictim.includes(id));
	for (const execution of await finishNight(rest, survivors)) assertGreen(execution);

	const next = await runNight(rest, ids(syncs));
	for (const execution of next.executions) assertGreen(execution);
	assert.deepEqual(allProblems(), [], 'the night after the crash converges every tenant');
	assert.deepEqual(tenants.foreignRequests(), []);
	const killed = (await rest.listExecutions()).filter((execution) =>
		onVictim.includes(execution.id),
	);
	t.diagnostic(
		`next night: ${CUSTOMERS} runs green in ${next.wallSeconds.toFixed(1)} s, split ${split(workersOf(next))}; ` +
			`the killed runs are now ${[...new Set(killed.map((execution) => execution.status))].join(', ')}`,
	);
});

test('two overlapping runs of one workflow (a manual run while its production run is going) create nobody twice and converge', async (t) => {
	if (skipped(t)) return;
	const tenant = tenants.list[0];
	const workflowId = String(syncs[0].id);
	changeSource(tenant, { joiners: 40, leavers: 2, batch: 2 });
	const rest = queue!.main.rest;
	const production = (await startNight(rest, [workflowId])).get(workflowId)!;
	const manual = await rest.runWorkflow(workflowId, 'Every Night');
	const [first, second] = await finishNight(rest, [production, manual]);
	assertGreen(first);
	assertGreen(second);
	const overlap =
		Date.parse(second.startedAt) < Date.parse(first.stoppedAt!) &&
		Date.parse(first.startedAt) < Date.parse(second.stoppedAt!);
	assert.ok(
		overlap,
		`the runs must overlap: ${first.startedAt}–${first.stoppedAt} and ${second.startedAt}–${second.stoppedAt}`,
	);
	assert.deepEqual(convergenceProblems(tenant), []);
	const externalIds = tenant.learnifier.state.users
		.all()
		.flatMap((user) => (user.externalId ? [user.externalId] : []));
	assert.deepEqual(duplicates(externalIds), []);
	t.diagnostic(
		`overlap: production run ${production} on ${ranOn(production)}: ${syncSummary(first).summary}; ` +
			`manual run ${manual} on ${ranOn(manual)}: ${syncSummary(second).summary}`,
	);
});

// ── GoPublic leavers in queue mode ─────────────────────────────────────────────────────────────
// Workflow static data does not survive between production runs in queue mode; the staff template
// keeps its leaver memory in an n8n Data Table (Data table nodes before and after the GoPublic
// node), which every worker reads from the shared database.
test('GoPublic staff template: first night imports; one leaver per customer is locked exactly once across nights run on different workers', async (t) => {
	if (skipped(t)) return;
	// Small customers have a handful of teachers: one leaver is up to a fifth of them.
	const staffSyncs = await importPerCustomer(STAFF_TEMPLATE, (workflow) =>
		withCustomerSettings(workflow, { maxLockPercent: 50 }),
	);
	const rest = queue!.main.rest;
	const nights: Night[] = [await runNight(rest, ids(staffSyncs))];
	for (const execution of nights[0].executions) {
		assertGreen(execution);
		const tenant = tenantOf(execution, staffSyncs);
		assert.equal(
			syncSummary(execution).counts.created,
			teachersOf(tenant).length,
			`${tenant.name}: every teacher imported`,
		);
	}
	const leavers = tenants.list.map((tenant) => {
		const [leaver] = teachersOf(tenant).slice(-1);
		const world = tenant.admentum.state.world;
		tenant.admentum.state.world = {
			...world,
			people: world.people.filter((person) => person !== leaver),
		};
		return String(leaver.id);
	});
	nights.push(await runNight(rest, ids(staffSyncs)), await runNight(rest, ids(staffSyncs)));
	for (const night of nights.slice(1))
		for (const execution of night.executions) assertGreen(execution);
	assert.deepEqual(
		nights[1].executions.map((execution) => syncSummary(execution).counts.locked),
		tenants.list.map(() => 1),
		'night 2 locks the leaver',
	);
	assert.deepEqual(
		nights[2].executions.map((execution) => syncSummary(execution).counts.locked),
		tenants.list.map(() => 0),
		'night 3 locks nobody',
	);
	const lockCounts = Object.fromEntries(
		tenants.list.map((tenant, index) => [
			`${tenant.name}'s leaver ${leavers[index]}`,
			lockRequests(tenant, leavers[index]),
		]),
	);
	const once = Object.fromEntries(Object.keys(lockCounts).map((leaver) => [leaver, 1]));
	const twice = tenants.list.filter((tenant, index) => lockRequests(tenant, leavers[index]) !== 1);
	assert.deepEqual(
		lockCounts,
		once,
		'times each leaver was sent to GoPublic locked, across the nights; what their GoPublic gateways saw: ' +
			twice
				.map(
					(tenant) =>
						`${tenant.name}: ${tenant.gateways.gopublic.requests.map((r) => `${r.method} ${r.status}`).join(', ')}`,
				)
				.join('; '),
	);
	await assertNightOnRecord(nights[1], staffSyncs);
	const removals = await readDataTable(queue!.main, REMOVAL_LOG_TABLE);
	for (const [index, tenant] of tenants.list.entries()) {
		const logged = removals.filter(
			(row) => row.customer === tenant.name && row.target === 'GoPublic',
		);
		assert.deepEqual(
			logged.map((row) => [row.key, row.action]),
			[[leavers[index], 'locked']],
			`${tenant.name}: the removal log holds its leaver, locked once`,
		);
	}
	const workersPerCustomer = tenants.list.map(
		(tenant) =>
			new Set(
				nights.map((night) =>
					queue!.workerOf(
						night.executions.find((execution) => tenantOf(execution, staffSyncs) === tenant)!.id,
					),
				),
			).size,
	);
	const spread = workersPerCustomer.filter((count) => count > 1).length;
	assert.ok(spread > 0, "some customers' nights ran on different workers");
	t.diagnostic(
		`GoPublic: ${CUSTOMERS} leavers locked once each; ${spread} of ${CUSTOMERS} customers had their nights on more than one worker`,
	);
});

test('no API key appears in any log file (main and workers) or in any saved execution', async (t) => {
	if (skipped(t)) return;
	const found: string[] = [];
	for (const file of queue!.logFiles()) {
		found.push(
			...secretsFoundIn(readFileSync(file, 'utf8'), tenants.secrets).map(
				(secret) => `${secret} in ${file}`,
			),
		);
	}
	const executions = await queue!.main.rest.listExecutions();
	for (const { id } of executions) {
		const text = JSON.stringify(await queue!.main.rest.getExecution(id));
		found.push(
			...secretsFoundIn(text, tenants.secrets).map((secret) => `${secret} in execution ${id}`),
		);
	}
	assert.deepEqual(found, []);
	t.diagnostic(
		`${queue!.logFiles().length} log files and ${executions.length} executions scanned for ${tenants.secrets.length} keys`,
	);
});

/**
 * The night is in the Sync history, written by whichever worker ran it into the one database:
 * one row per execution, with the customer, the outcome and the counts of its summary.
 */
async function assertNightOnRecord(night: Night, workflows: WorkflowJson[]) {
	const history = await readDataTable(queue!.main, HISTORY_TABLE);
	for (const execution of night.executions) {
		const rows = history.filter((row) => row.executionId === String(execution.id));
		assert.equal(rows.length, 1, `execution ${execution.id}: ${rows.length} history rows`);
		const [row] = rows;
		const { counts, summary } = syncSummary(execution);
		assert.equal(row.customer, tenantOf(execution, workflows).name);
		assert.equal(row.outcome, 'ok');
		assert.equal(row.trigger, 'scheduled');
		assert.equal(row.summary, summary);
		assert.deepEqual(
			[row.created, row.updated, row.locked, row.unchanged],
			[counts.created, counts.updated, counts.locked, counts.unchanged],
		);
		assert.match(String(row.executionUrl), new RegExp(`/executions/${execution.id}$`));
	}
}

/** Writes the tenant's Learnifier carried out. */
function writes(tenant: Tenant): number {
	return tenant.learnifier.requests.filter(
		(request) => request.method !== 'GET' && request.status < 300,
	).length;
}

function tenantByRun(startedRuns: Map<string, string>, executionId: string): Tenant {
	return tenants.list[
		syncs.findIndex((workflow) => startedRuns.get(String(workflow.id)) === executionId)
	];
}

function teachersOf(tenant: Tenant) {
	return tenant.admentum.state.world.people.filter((person) => person.role === 'teacher');
}

/** How many times GoPublic was sent the member with `lockForDeletion: true`. */
function lockRequests(tenant: Tenant, uuid: string): number {
	return (
		tenant.gopublic.state.received as Array<{ uuids?: string[]; lockForDeletion?: boolean }>
	).filter((member) => member.uuids?.includes(uuid) && member.lockForDeletion === true).length;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Gave up waiting after ${timeoutMs} ms`);
		await new Promise((done) => setTimeout(done, 200));
	}
}
