/**
 * Issue 28 in real n8n 2.41.1: three customers' nights (one green, one held, one refused) keep
 * their record in the project's Sync history and Removal log Data Tables, red nights included;
 * then the morning digest template reads them and mails the admin (the test SMTP server) the red
 * and held nights first with their links, the green one after, and a warning about a fourth sync
 * that is published but did not run. n8n's own API (an API key made as an admin makes one) tells
 * the digest which workflows are published.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { HISTORY_TABLE, REMOVAL_LOG_TABLE } from '../../nodes/shared/syncHistory';
import {
	readTemplate,
	withCustomerSettings,
	withScheduleEverySeconds,
} from '../fixtures/templates';
import { readDataTable } from '../n8n-runtime/dataTableRows';
import type { ExecutionRecord } from '../n8n-runtime/n8nRest';
import { importCredentials, importWorkflows, type WorkflowJson } from '../n8n-runtime/realN8n';
import {
	startSmtpServer,
	type ReceivedMail,
	type SmtpTestServer,
} from '../simulators/smtp/smtpServer';
import {
	executionError,
	startTemplateHarness,
	syncSummary,
	type TemplateHarness,
} from './templateHarness';

const ADMIN = { toEmail: 'it-admin@skola.test', fromEmail: 'n8n <n8n@skola.test>' };
const MAIL_TIMEOUT_MS = 60_000;

interface CustomerNight {
	customer: string;
	workflow: WorkflowJson;
	execution: ExecutionRecord;
}

let harness: TemplateHarness;
let smtp: SmtpTestServer;
let apiKey = '';
const nights: Record<'green' | 'held' | 'refused', CustomerNight> = {} as never;
let idle: WorkflowJson;

/** A sync template for one customer, its schedule every few seconds so that publishing runs it. */
async function customerSync(
	file: string,
	settings: Record<string, string | number>,
): Promise<WorkflowJson> {
	return await harness.importTemplate(file, (template) =>
		withScheduleEverySeconds(withCustomerSettings(template, settings), 3),
	);
}

async function night(
	file: string,
	customer: string,
	settings: Record<string, string | number> = {},
) {
	const workflow = await customerSync(file, { customer, ...settings });
	return { customer, workflow, execution: await harness.productionRun(workflow) };
}

before(async () => {
	smtp = await startSmtpServer();
	harness = await startTemplateHarness();
	const key = (await harness.n8n.rest.request('POST', '/rest/api-keys', {
		label: 'Morning digest',
		expiresAt: null,
		scopes: ['workflow:list', 'workflow:read'],
	})) as { rawApiKey: string };
	apiKey = key.rawApiKey;
	await importCredentials(harness.n8n, [
		{
			type: 'smtp',
			name: 'SMTP account',
			data: { host: smtp.host, port: smtp.port, secure: false, user: '', password: '' },
		},
		{ type: 'n8nApi', name: 'n8n account', data: { apiKey, baseUrl: `${harness.n8n.url}/api/v1` } },
	]);

	nights.green = await night('admentum-to-learnifier.json', 'Ängsskolan');
	// Only one of the four school units: the people of the other three would leave Learnifier,
	// more than the safety limits allow, so their removals are held.
	nights.held = await night('admentum-to-learnifier.json', 'Björkskolan', { schoolUnits: '101' });
	harness.sims.gopublic.refuseCallers(true);
	nights.refused = await night('admentum-staff-to-gopublic.json', 'Kommunen');
	harness.sims.gopublic.refuseCallers(false);
	// Published, but its schedule (03:00) has not come.
	idle = await customerSync('hr-csv-to-gopublic.json', { customer: 'Lindskolan' });
	await harness.n8n.rest.activateWorkflow(String(idle.id));
});

after(async () => {
	await harness?.close();
	await smtp?.close();
});

test('the three nights end as they should: green, red (held), red (refused)', () => {
	assert.equal(nights.green.execution.status, 'success', executionError(nights.green.execution));
	assert.equal(nights.held.execution.status, 'error');
	assert.ok((syncSummary(nights.held.execution).counts as Record<string, number>).held > 0);
	assert.equal(nights.refused.execution.status, 'error');
	assert.match(executionError(nights.refused.execution), /refused the work as a whole/);
});

// The schedule fires every few seconds, so a workflow may have run twice before it was
// unpublished: every run is a night, and every night has its row.
test('the Sync history has one row per night with its outcome, counts and link, red nights included', async () => {
	const history = await readDataTable(harness.n8n, HISTORY_TABLE);
	const executions = await harness.n8n.rest.listExecutions();
	for (const { customer, workflow } of Object.values(nights)) {
		const ran = executions.filter((execution) => execution.workflowId === String(workflow.id));
		const rows = history.filter((row) => row.workflowId === String(workflow.id));
		assert.deepEqual(
			rows.map((row) => row.executionId).sort(),
			ran.map((execution) => execution.id).sort(),
			`${customer}: one history row per run`,
		);
	}
	assert.equal(history.filter((row) => row.workflowId === String(idle.id)).length, 0);
	for (const [outcome, { customer, workflow, execution }] of Object.entries({
		ok: nights.green,
		held: nights.held,
		refused: nights.refused,
	})) {
		const row = history.find((one) => one.executionId === String(execution.id));
		assert.ok(row, `${customer}: no history row for execution ${execution.id}`);
		const summary = syncSummary(execution);
		const counts = summary.counts as Record<string, number>;
		assert.equal(row.outcome, outcome, customer);
		assert.equal(row.customer, customer);
		assert.equal(row.trigger, 'scheduled');
		assert.equal(row.mode, 'apply');
		assert.equal(row.summary, summary.summary);
		for (const name of ['created', 'updated', 'locked', 'unchanged', 'skipped', 'failed', 'held'])
			assert.equal(row[name], counts[name] ?? 0, `${customer}: ${name}`);
		assert.equal(
			row.executionUrl,
			`${harness.n8n.url}/workflow/${workflow.id}/executions/${execution.id}`,
		);
	}
});

test('the Removal log has one row per person locked or held, with the reason', async () => {
	const log = await readDataTable(harness.n8n, REMOVAL_LOG_TABLE);
	const of = (night: CustomerNight) =>
		log.filter((row) => row.executionId === String(night.execution.id));
	const greenCounts = syncSummary(nights.green.execution).counts as Record<string, number>;
	const heldCounts = syncSummary(nights.held.execution).counts as Record<string, number>;
	assert.equal(of(nights.green).length, greenCounts.locked);
	assert.ok(
		of(nights.green).every((row) => row.action === 'locked' && row.customer === 'Ängsskolan'),
	);
	assert.equal(of(nights.held).length, heldCounts.held);
	assert.ok(
		of(nights.held).every((row) => row.action === 'held' && String(row.reason).includes('approve')),
	);
	assert.deepEqual(of(nights.refused), []);
	// One person, by key: what an admin filters the table for. Held every night Björkskolan ran.
	const [someone] = of(nights.held);
	const heldRuns = new Set(
		log.filter((row) => row.customer === 'Björkskolan').map((row) => row.executionId),
	);
	const theirs = log.filter((row) => row.key === someone.key);
	assert.equal(theirs.length, heldRuns.size);
	assert.ok(theirs.every((row) => row.action === 'held' && row.customer === 'Björkskolan'));
	assert.ok(someone.name, 'the held person is named');
});

test('the morning digest mails the refused and held customers first with their links, then the green one, and warns about the sync that did not run', async (t) => {
	smtp.clear();
	const template = withCustomerSettings(
		readTemplate('morning-digest.json').workflow,
		ADMIN,
		'Who Gets the Mail',
	);
	const [digest] = await importWorkflows(harness.n8n, [template]);
	const execution = await harness.run(digest);
	assert.equal(execution.status, 'success', executionError(execution));
	const [mail, ...more] = await smtp.waitForMails(1, MAIL_TIMEOUT_MS);
	t.diagnostic(`${mail.subject}\n${mail.text}`);
	assert.deepEqual(more, [], 'one mail');
	assert.deepEqual(mail.envelope, { from: 'n8n@skola.test', to: [ADMIN.toEmail] });
	const place = (text: string) => mail.text.indexOf(text);
	for (const customer of ['Kommunen', 'Björkskolan', 'Ängsskolan', idle.name])
		assert.ok(place(String(customer)) >= 0, `${customer} is not in the mail:\n${mail.text}`);
	assert.ok(place('Kommunen') < place('Ängsskolan'), mail.text);
	assert.ok(place('Björkskolan') < place('Ängsskolan'), mail.text);
	// Every red and held night has its link; a green customer its latest night's.
	const link = (workflow: WorkflowJson, executionId: string) =>
		`/workflow/${workflow.id}/executions/${executionId}`;
	for (const night of [nights.refused, nights.held])
		assert.ok(
			mail.text.includes(link(night.workflow, night.execution.id)),
			`${night.customer}'s link is not in the mail`,
		);
	const greenRuns = (await harness.n8n.rest.listExecutions())
		.filter((run) => run.workflowId === String(nights.green.workflow.id))
		.sort((a, b) => Date.parse(String(a.stoppedAt)) - Date.parse(String(b.stoppedAt)));
	assert.ok(mail.text.includes(link(nights.green.workflow, greenRuns[greenRuns.length - 1].id)));
	assert.match(mail.subject, /^Sync digest: 1 refused, \d+ held, 1 ok/);
	assert.ok(
		warningAbout(mail, String(idle.name)),
		`no warning about "${idle.name}":\n${mail.text}`,
	);
	assert.ok(!mail.raw.includes(apiKey), 'the n8n API key is in the mail');
	assert.deepEqual(await harness.leakedSecrets(), []);
});

/** The warning line that names this workflow, after the nights. */
function warningAbout(mail: ReceivedMail, name: string): string | undefined {
	const warnings = mail.text.slice(mail.text.indexOf('Ängsskolan'));
	return warnings.split('\n').find((line) => line.includes(name) && /did not run/.test(line));
}
