/**
 * workflows/error-notification.json in real n8n 2.41.1: a sync whose production run fails e-mails
 * the admin through the error workflow, here to the test SMTP server, and a run that ended before
 * its own Sync Record is put in the Sync history by the error workflow (once).
 *
 * What n8n 2.41.1 needs before it calls an error workflow (read in its source: cli's
 * execute-error-workflow.js and WorkflowExecutionService.executeErrorWorkflow; what was also tried
 * here says so):
 *  - the failing workflow's settings hold `errorWorkflow: <id of the error workflow>` (Workflow
 *    Settings → "Error Workflow (to notify when this one errors)"). Saving it is enough: a sync
 *    that is already published uses it from its next run on, without being published again (tried);
 *  - the run is not manual: a run started in the editor never calls it (tested below);
 *  - the error workflow is published: 2.x runs its published version and otherwise only logs
 *    `Workflow "<id>" is not active and cannot be executed` (tested below). An Error Trigger counts
 *    as a trigger, so it can be published (tried, also in the editor's code);
 *  - the error workflow's caller policy (its setting `callerPolicy`, by default
 *    N8N_WORKFLOW_CALLER_POLICY_DEFAULT_OPTION = `workflowsFromSameOwner`, "Only workflows in the
 *    same project") admits the failing workflow (read only). The template leaves it at that default
 *    ("Any workflow" is deprecated in 2.x), so it must live in the syncs' project;
 *  - the Error Trigger's item is `{ execution: { id, url, error, lastNodeExecuted, mode, retryOf },
 *    workflow: { id, name } }`, `url` being `<N8N_EDITOR_BASE_URL>/workflow/<id>/executions/<id>`.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';

import { HISTORY_TABLE } from '../../nodes/shared/syncHistory';
import { readTemplate, withScheduleEverySeconds } from '../fixtures/templates';
import { readDataTable } from '../n8n-runtime/dataTableRows';
import type { ExecutionRecord } from '../n8n-runtime/n8nRest';
import { everyNight } from './fixtures/everyNight';
import {
	startSmtpServer,
	type ReceivedMail,
	type SmtpTestServer,
} from '../simulators/smtp/smtpServer';
import {
	importCredentials,
	importWorkflows,
	type ImportedCredential,
	type WorkflowJson,
} from '../n8n-runtime/realN8n';
import {
	executionError,
	startTemplateHarness,
	syncSummary,
	type TemplateHarness,
} from './templateHarness';

const ERROR_TEMPLATE = 'error-notification.json';
const STAFF_TEMPLATE = 'admentum-staff-to-gopublic.json';
/** n8n's own name for a new SMTP credential: the template names it, so n8n links it on import. */
const SMTP_CREDENTIAL_NAME = 'SMTP account';
const ADMIN = { toEmail: 'it-admin@skola.test', fromEmail: 'n8n <n8n@skola.test>' };
/** How long the error workflow may take to mail after the failed run has finished. */
const MAIL_TIMEOUT_MS = 30_000;

const FAILURE_MESSAGE = 'GoPublic refused the import: 0 created, 0 updated, 0 unchanged, 80 failed';
const REFUSAL = {
	message: 'Forbidden - perhaps check your credentials?',
	description:
		"GoPublic refused the address n8n connects from: ask GoPublic to whitelist n8n's public IP",
};

let harness: TemplateHarness;
let smtp: SmtpTestServer;
let errorWorkflowId: string;
/** Schedule Trigger every 2 s → Stop and Error with FAILURE_MESSAGE: a night that fails, in two nodes. */
let failing: WorkflowJson;
/** The same with an error that also has a description, as n8n's API errors have. */
let failingWithDescription: WorkflowJson;

before(async () => {
	smtp = await startSmtpServer();
	harness = await startTemplateHarness();
	const [credential] = await importCredentials(harness.n8n, [
		{
			type: 'smtp',
			name: SMTP_CREDENTIAL_NAME,
			data: { host: smtp.host, port: smtp.port, secure: false, user: '', password: '' },
		},
	]);
	// Imported as an admin imports it, without pointing it at a credential: n8n links the credential
	// named in the template (it has no id to point at) to the one credential of that name.
	const errorTemplate = withAdminAddresses(readTemplate(ERROR_TEMPLATE).workflow, ADMIN);
	let errorWorkflow: WorkflowJson;
	[errorWorkflow, failing, failingWithDescription] = await importWorkflows(harness.n8n, [
		errorTemplate,
		nightThatFails({ errorType: 'errorMessage', errorMessage: FAILURE_MESSAGE }),
		nightThatFails({ errorType: 'errorObject', errorObject: JSON.stringify(REFUSAL) }),
	]);
	errorWorkflowId = String(errorWorkflow.id);
	await assertUsesCredential(errorWorkflowId, 'E-mail the Admin', credential);
	await harness.n8n.rest.activateWorkflow(errorWorkflowId);
	await useErrorWorkflow(String(failing.id));
	await useErrorWorkflow(String(failingWithDescription.id));
});

after(async () => {
	await harness?.close();
	await smtp?.close();
});

beforeEach(() => {
	harness.sims.reset();
	smtp.clear();
});

test('a failed production run e-mails the admin: the workflow, the error message, the last node and the link', async (t) => {
	const started = Date.now();
	const execution = await harness.productionRun(failing);
	const ran = Date.now();
	assert.equal(execution.mode, 'trigger');
	assert.equal(execution.status, 'error');
	assert.equal(executionError(execution), FAILURE_MESSAGE);

	const mail = await theMailFor(failing, execution);
	t.diagnostic(
		`production run (publish, run, unpublish) ${ran - started} ms; mail checked ${Date.now() - ran} ms later`,
	);
	assert.deepEqual(mail.envelope, { from: 'n8n@skola.test', to: [ADMIN.toEmail] });
	assert.equal(mail.subject, `Sync failed: ${failing.name}`);
	assert.ok(mail.text.includes(`"${failing.name}"`), mail.text);
	assert.ok(mail.text.includes(FAILURE_MESSAGE), mail.text);
	assert.ok(mail.text.includes('The step where it stopped: Stop: The Night Failed'), mail.text);
	assert.ok(
		mail.text.includes(`${harness.n8n.url}/workflow/${failing.id}/executions/${execution.id}`),
		mail.text,
	);
	// It ended before any Sync Record: the error workflow puts the night on record, as failed.
	const [row, ...more] = await historyRowsOf(execution.id);
	assert.deepEqual(more, []);
	assert.equal(row.outcome, 'failed');
	assert.equal(row.workflowId, String(failing.id));
	assert.equal(row.reason, FAILURE_MESSAGE);
	assert.match(String(row.summary), /Stop: The Night Failed/);
	assert.equal(
		row.executionUrl,
		`${harness.n8n.url}/workflow/${failing.id}/executions/${execution.id}`,
	);
});

test("an error's description comes on the line under its message", async () => {
	const execution = await harness.productionRun(failingWithDescription);
	assert.equal(execution.status, 'error');
	const mail = await theMailFor(failingWithDescription, execution);
	assert.ok(
		mail.text.includes(`What n8n reported:\n${REFUSAL.message}\n${REFUSAL.description}\n`),
		mail.text,
	);
});

test('a failing run started by hand in the editor sends no mail (n8n calls error workflows for production runs only)', async () => {
	const execution = await harness.run(failing);
	assert.equal(execution.status, 'error');
	await new Promise((done) => setTimeout(done, 5_000));
	assert.deepEqual(smtp.mails, []);
});

test('an unpublished error workflow is not called: a failed production run then sends no mail', async () => {
	await harness.n8n.rest.deactivateWorkflow(errorWorkflowId);
	try {
		const execution = await harness.productionRun(failing);
		assert.equal(execution.status, 'error');
		await new Promise((done) => setTimeout(done, 5_000));
		assert.deepEqual(smtp.mails, []);
	} finally {
		await harness.n8n.rest.activateWorkflow(errorWorkflowId);
	}
});

test("the error workflow's own Execute workflow sends a test mail about n8n's example failure", async () => {
	const errorWorkflow = { id: errorWorkflowId, ...readTemplate(ERROR_TEMPLATE).workflow };
	const execution = await harness.run(errorWorkflow);
	assert.equal(execution.status, 'success', executionError(execution));
	const [mail] = await smtp.waitForMails(1, MAIL_TIMEOUT_MS);
	assert.equal(mail.subject, 'Sync failed: Example Workflow');
	assert.ok(mail.text.includes('Example Error Message'), mail.text);
});

// The staff template ends a failed night red: Sync Summary's "Night Failed" output goes to
// Fail the Night (Stop and Error), whose message holds the summary line.
test('staff → GoPublic, published: GoPublic refusing every import (403) ends the night red and e-mails the admin', async () => {
	const workflow = await harness.importTemplate(STAFF_TEMPLATE, (template) =>
		withScheduleEverySeconds(template, 3),
	);
	await useErrorWorkflow(String(workflow.id));
	harness.sims.gopublic.refuseCallers(true);

	const execution = await harness.productionRun(workflow);
	assert.equal(execution.mode, 'trigger');
	assert.equal(execution.status, 'error', `the night must end red; it ended ${execution.status}`);
	const message = execution.data.resultData.error?.message ?? '';
	assert.ok(
		message.includes(syncSummary(execution).summary),
		`the error message is the Sync Summary line: ${message}`,
	);

	const mail = await theMailFor(workflow, execution);
	assert.equal(mail.subject, `Sync failed: ${workflow.name}`);
	assert.ok(mail.text.includes(message), mail.text);
	assert.ok(mail.text.includes(`/workflow/${workflow.id}/executions/${execution.id}`), mail.text);
	for (const secret of harness.sims.secrets)
		assert.ok(!mail.raw.includes(secret), 'an API key is in the mail');
	// Its own Sync Record wrote the night; the error workflow does not write it again.
	const rows = await historyRowsOf(execution.id);
	assert.deepEqual(
		rows.map((row) => [row.outcome, row.customer]),
		[['refused', 'Customer name']],
	);
});

/** The Sync history rows of a run, once every run of the error workflow has finished. */
async function historyRowsOf(executionId: string) {
	const runs = (await harness.n8n.rest.listExecutions()).filter(
		(run) => run.workflowId === errorWorkflowId,
	);
	for (const run of runs) await harness.n8n.rest.waitForExecution(run.id, MAIL_TIMEOUT_MS);
	const history = await readDataTable(harness.n8n, HISTORY_TABLE);
	return history.filter((row) => row.executionId === String(executionId));
}

/** A copy of the template with the admin's addresses in "Who Gets the Mail", as the admin fills them in. */
function withAdminAddresses(workflow: WorkflowJson, addresses: typeof ADMIN): WorkflowJson {
	const nodes = workflow.nodes.map((node) => {
		if (node.name !== 'Who Gets the Mail') return node;
		const parameters = node.parameters as {
			assignments: { assignments: Array<{ name: string; value: unknown }> };
		};
		const assignments = parameters.assignments.assignments.map((assignment) =>
			assignment.name in addresses
				? { ...assignment, value: addresses[assignment.name as keyof typeof ADMIN] }
				: assignment,
		);
		return { ...node, parameters: { ...parameters, assignments: { assignments } } };
	});
	assert.ok(
		nodes.some((node) => node.name === 'Who Gets the Mail'),
		'the template has a "Who Gets the Mail" node',
	);
	return { ...workflow, nodes };
}

async function assertUsesCredential(
	workflowId: string,
	nodeName: string,
	credential: ImportedCredential,
): Promise<void> {
	const stored = (await harness.n8n.rest.request(
		'GET',
		`/rest/workflows/${workflowId}`,
	)) as WorkflowJson;
	const node = stored.nodes.find((candidate) => candidate.name === nodeName);
	assert.deepEqual(node?.credentials?.[credential.type], {
		id: credential.id,
		name: credential.name,
	});
}

/** Workflow Settings → Error Workflow → the error workflow → Save, as the editor saves it. */
async function useErrorWorkflow(workflowId: string): Promise<void> {
	const rest = harness.n8n.rest;
	const { settings } = (await rest.request('GET', `/rest/workflows/${workflowId}`)) as {
		settings?: Record<string, unknown>;
	};
	await rest.request('PATCH', `/rest/workflows/${workflowId}`, {
		settings: { ...settings, errorWorkflow: errorWorkflowId },
	});
	const saved = (await rest.request('GET', `/rest/workflows/${workflowId}`)) as {
		settings?: Record<string, unknown>;
	};
	assert.equal(saved.settings?.errorWorkflow, errorWorkflowId);
}

/** The fixtures' Every Night, firing every 2 s → Stop and Error with these parameters. */
function nightThatFails(stopAndError: Record<string, string>): WorkflowJson {
	const workflow: WorkflowJson = {
		name: 'Nightly sync that fails (test)',
		nodes: [
			everyNight,
			{
				id: 'stop',
				name: 'Stop: The Night Failed',
				type: 'n8n-nodes-base.stopAndError',
				typeVersion: 1,
				position: [220, 0],
				parameters: stopAndError,
			},
		],
		connections: {
			[everyNight.name]: { main: [[{ node: 'Stop: The Night Failed', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
	return withScheduleEverySeconds(workflow, 2);
}

/**
 * The one mail about `execution`. The schedule may fire again before productionRun unpublishes the
 * workflow: every failed production run must then bring exactly one mail of its own.
 */
async function theMailFor(
	workflow: WorkflowJson,
	execution: ExecutionRecord,
): Promise<ReceivedMail> {
	const failedRuns = await failedProductionRuns(String(workflow.id));
	assert.ok(failedRuns.includes(execution.id));
	await smtp.waitForMails(failedRuns.length, MAIL_TIMEOUT_MS).catch(async (error: Error) => {
		throw new Error(
			`${error.message}; the error workflow's runs: ${JSON.stringify(await errorWorkflowRuns())}`,
		);
	});
	await new Promise((done) => setTimeout(done, 1_000)); // a mail too many would come about now
	const about = (id: string) =>
		smtp.mails.filter((mail) => mail.text.includes(`/executions/${id}\n`));
	assert.deepEqual(
		failedRuns.map((id) => about(id).length),
		failedRuns.map(() => 1),
		`one mail per failed run (runs ${failedRuns.join(', ')}; ${smtp.mails.length} mail(s))`,
	);
	assert.equal(smtp.mails.length, failedRuns.length);
	return about(execution.id)[0];
}

async function failedProductionRuns(workflowId: string): Promise<string[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const page = (await harness.n8n.rest.request(
		'GET',
		`/rest/executions?limit=100&filter=${filter}`,
	)) as {
		results: Array<{ id: string; mode: string; status: string }>;
	};
	return page.results
		.filter((run) => run.mode === 'trigger' && run.status === 'error')
		.map((run) => run.id);
}

async function errorWorkflowRuns(): Promise<Array<{ id: string; status: string; error: string }>> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: errorWorkflowId }));
	const page = (await harness.n8n.rest.request(
		'GET',
		`/rest/executions?limit=100&filter=${filter}`,
	)) as {
		results: Array<{ id: string }>;
	};
	return await Promise.all(
		page.results.map(async ({ id }) => {
			const run = await harness.n8n.rest.getExecution(id);
			return { id, status: run.status, error: executionError(run) };
		}),
	);
}
