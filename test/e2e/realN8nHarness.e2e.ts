/**
 * The real-n8n machinery end to end: n8n 2.41.1 loads our package as a community package;
 * credentials imported with plain data reach the simulators; a workflow imported from JSON runs
 * from its Schedule Trigger as the editor's "Execute workflow" does; the saved execution is read
 * back; no key reaches n8n's log or the execution data.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { nodeOutput } from '../n8n-runtime/n8nRest';
import { ensureChromium } from '../n8n-runtime/ensureChromium';
import { screenshotEditor } from '../n8n-runtime/screenshot';
import { DEMO_WORLD } from '../fixtures/demoWorld';
import { withScheduleEverySeconds } from '../fixtures/templates';
import {
	startAllSimulators,
	SIMULATOR_SECRETS as DEMO_SECRETS,
	type AllSimulators,
} from '../simulators/startAll';
import { learnifierReadWorkflow } from './fixtures/learnifierReadWorkflow';
import { reconcileSmokeWorkflow } from './fixtures/reconcileSmokeWorkflow';
import {
	importCredentials,
	importWorkflows,
	runToCompletion,
	secretsFoundIn,
	startRealN8n,
	type ImportedCredential,
	type RealN8n,
} from '../n8n-runtime/realN8n';

let n8n: RealN8n;
let sims: AllSimulators;
let credentials: ImportedCredential[];

before(async () => {
	sims = await startAllSimulators(DEMO_WORLD);
	n8n = await startRealN8n();
	credentials = await importCredentials(n8n, sims.credentials);
});

after(async () => {
	await n8n?.stop();
	await sims?.close();
});

test('real n8n loads every node of the package under its community-node type', () => {
	for (const name of ['reconcile', 'admentum', 'learnifier', 'goPublic', 'syncSummary']) {
		assert.ok(
			n8n.ourNodeTypes.includes(`n8n-nodes-directory-sync.${name}`),
			n8n.ourNodeTypes.join(', '),
		);
	}
});

let smokeRun: { workflowId: string; executionId: string } | undefined;

test('a Schedule Trigger workflow with Reconcile runs and its saved execution holds the Update item', async () => {
	const [workflow] = await importWorkflows(n8n, [reconcileSmokeWorkflow]);
	const execution = await runToCompletion(n8n, workflow);
	smokeRun = { workflowId: String(workflow.id), executionId: execution.id };
	assert.equal(execution.status, 'success', JSON.stringify(execution.data.resultData.error));
	const updates = nodeOutput(execution, 'Reconcile', 1);
	assert.equal(updates.length, 1);
	assert.match(JSON.stringify(updates[0]), /asa\.new@school\.se/);
	assert.match(JSON.stringify(updates[0]), /asa\.old@school\.se/);
	assert.deepEqual(nodeOutput(execution, 'Reconcile', 0), []);
});

test('an imported credential reaches the Learnifier simulator and reads every user; no key in the run', async () => {
	const [workflow] = await importWorkflows(n8n, [learnifierReadWorkflow], credentials);
	const execution = await runToCompletion(n8n, workflow);
	assert.equal(execution.status, 'success', JSON.stringify(execution.data.resultData.error));
	assert.equal(
		nodeOutput(execution, 'Learnifier Users').length,
		sims.learnifier.state.users.all().length,
	);
	assert.ok(
		sims.learnifier.requests.some((request) => request.method === 'GET' && request.status === 200),
	);
	assert.deepEqual(secretsFoundIn(JSON.stringify(execution), DEMO_SECRETS), []);
});

test('a published workflow runs from its Schedule Trigger on its own, as a production run', async () => {
	const everyTwoSeconds = {
		...withScheduleEverySeconds(reconcileSmokeWorkflow, 2),
		name: 'Reconcile every two seconds',
	};
	const [workflow] = await importWorkflows(n8n, [everyTwoSeconds]);
	const id = String(workflow.id);
	await n8n.rest.activateWorkflow(id);
	try {
		const execution = await n8n.rest.waitForNewExecution(id, [], 60_000);
		assert.equal(execution.mode, 'trigger');
		assert.equal(execution.status, 'success', JSON.stringify(execution.data.resultData.error));
		assert.equal(nodeOutput(execution, 'Reconcile', 1).length, 1);
	} finally {
		await n8n.rest.deactivateWorkflow(id);
	}
});

test('headless Chromium logs in to the editor and saves a picture of the executed run', async (t) => {
	assert.ok(smokeRun, 'the Reconcile run above did not happen');
	const browser = await ensureChromium();
	if (!browser.available) {
		process.stdout.write(`\nBrowser check skipped: ${browser.reason}\n\n`);
		return t.skip(browser.reason);
	}
	const folder = mkdtempSync(join(tmpdir(), 'dirsync-shot-'));
	try {
		const file = await screenshotEditor({
			url: n8n.url,
			owner: n8n.owner,
			...smokeRun,
			outFile: join(folder, 'run.png'),
		});
		const png = readFileSync(file);
		assert.equal(png.subarray(1, 4).toString(), 'PNG');
		assert.ok(png.length > 20_000, `a ${png.length}-byte picture is too small to show the canvas`);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
});

test('no key appears in the data of any saved execution', async () => {
	const ids = await n8n.rest.listExecutionIds();
	assert.ok(
		ids.length >= 2,
		`expected the runs above in the executions list, got ${ids.join(', ')}`,
	);
	for (const id of ids) {
		assert.deepEqual(
			secretsFoundIn(JSON.stringify(await n8n.rest.getExecution(id)), DEMO_SECRETS),
			[],
			`execution ${id}`,
		);
	}
});

test("n8n's log holds no key and no error about loading our package", () => {
	const log = readFileSync(n8n.logFile, 'utf8');
	assert.deepEqual(secretsFoundIn(log, DEMO_SECRETS), []);
	assert.doesNotMatch(log, /Failed to load package|n8n-nodes-directory-sync.*error/i);
});
