/**
 * workflows/morning-digest.json through n8n's engine, as an admin sets it up: n8n's Data table
 * nodes over an in-memory store seeded with the nights of four customers, n8n's own "n8n" node
 * asking a stand-in for n8n's public API (on this machine) which workflows are published, and
 * n8n's Send Email node sending to the test SMTP server. Only the Schedule Trigger's item is
 * pinned (its time is what Remember Digest keeps).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';

import type { DataTableRows, IDataObject } from 'n8n-workflow';

import { dayText, timeText } from '../../../../nodes/SyncDigest/helpers/times';
import {
	HISTORY_COLUMNS,
	HISTORY_TABLE,
	REMOVAL_LOG_COLUMNS,
	REMOVAL_LOG_TABLE,
	type RemovalLogRow,
} from '../../../../nodes/shared/syncHistory';
import { InMemoryDataTables } from '../../../engine/dataTables';
import { runWorkflow, type WorkflowJson } from '../../../engine/runWorkflow';
import { readTemplate, withCustomerSettings } from '../../../fixtures/templates';
import { startSmtpServer, type SmtpTestServer } from '../../../simulators/smtp/smtpServer';
import { DAY, HOUR, MINUTE, historyRow, listedWorkflow } from '../historyRows';

const TIME_ZONE = 'Europe/Stockholm';
const DIGEST_TABLE = 'Morning digest';
const ADMIN = { toEmail: 'it-admin@skola.test', fromEmail: 'n8n <n8n@skola.test>' };
const NO_EMAIL = '"email" is required for a new member';

/** n8n's public API as far as the template asks it: GET /api/v1/workflows. */
interface N8nApiStandIn {
	baseUrl: string;
	workflows: IDataObject[];
	/** Answer 401, as n8n does to a wrong API key. */
	refuse: boolean;
	requests: string[];
}

let api: N8nApiStandIn;
let apiServer: Server;
let smtp: SmtpTestServer;

before(async () => {
	smtp = await startSmtpServer();
	api = { baseUrl: '', workflows: [], refuse: false, requests: [] };
	apiServer = createServer((request, response) => {
		api.requests.push(`${request.method} ${request.url}`);
		response.setHeader('content-type', 'application/json');
		const listing = request.method === 'GET' && request.url?.startsWith('/api/v1/workflows?');
		response.statusCode = api.refuse ? 401 : listing ? 200 : 404;
		response.end(
			JSON.stringify(
				api.refuse || !listing
					? { message: api.refuse ? 'unauthorized' : 'not found' }
					: { data: api.workflows, nextCursor: null },
			),
		);
	});
	await new Promise<void>((resolve) => apiServer.listen(0, '127.0.0.1', resolve));
	api.baseUrl = `http://127.0.0.1:${(apiServer.address() as AddressInfo).port}/api/v1`;
});

after(async () => {
	await smtp?.close();
	await new Promise((resolve) => apiServer?.close(resolve));
});

beforeEach(() => {
	smtp.clear();
	Object.assign(api, { workflows: [], refuse: false, requests: [] });
});

/**
 * The template as shipped, with the admin's addresses; the Schedule Trigger's item at `morning`,
 * its time with an offset, as the trigger writes it.
 */
function digestWorkflow(morning: Date): WorkflowJson {
	const template = readTemplate('morning-digest.json').workflow;
	const workflow = withCustomerSettings(
		template,
		ADMIN,
		'Who Gets the Mail',
	) as unknown as WorkflowJson;
	return {
		...workflow,
		pinData: {
			'Every Morning': [{ json: { timestamp: morning.toISOString().replace('Z', '+00:00') } }],
		},
	};
}

async function morningDigest(dataTables: InMemoryDataTables, morning: Date) {
	const result = await runWorkflow(digestWorkflow(morning), {
		dataTables,
		mode: 'trigger',
		credentials: {
			smtp: { host: smtp.host, port: smtp.port, secure: false, user: '', password: '' },
			n8nApi: { apiKey: 'n8n-api-test-key', baseUrl: api.baseUrl },
		},
	});
	assert.equal(result.error, undefined, result.error?.message);
	const [digest] = result.json('Sync Digest');
	return { result, digest };
}

const removal = (at: Date, key: string): RemovalLogRow => ({
	at: at.toISOString(),
	workflowId: 'wf-a',
	workflowName: 'Nightly Admentum → Learnifier',
	customer: 'Ängsskolan',
	target: 'Learnifier',
	key,
	name: `Person ${key}`,
	action: 'locked',
	reason: 'left Admentum',
	approvalCode: '',
	executionId: '1',
});

/**
 * Four customers' nights, the last digest 24 hours ago, and two rows of each table just over and
 * just under the 400 days that are kept.
 */
function seededTables(now: number) {
	const dataTables = new InMemoryDataTables();
	dataTables.createTable(HISTORY_TABLE, [...HISTORY_COLUMNS]);
	dataTables.createTable(REMOVAL_LOG_TABLE, [...REMOVAL_LOG_COLUMNS]);
	dataTables.createTable(DIGEST_TABLE, [{ name: 'sentAt', type: 'date' }]);
	const lastDigest = new Date(now - 24 * HOUR);
	dataTables.insert(DIGEST_TABLE, [{ sentAt: new Date(lastDigest.getTime() - DAY).toISOString() }]);
	dataTables.insert(DIGEST_TABLE, [{ sentAt: lastDigest.toISOString() }]);

	const lastNight = now - 5 * HOUR;
	const night = (ago: number, minutes = 0) => new Date(lastNight - ago + minutes * MINUTE);
	const angs = {
		workflowId: 'wf-a',
		workflowName: 'Nightly Admentum → Learnifier',
		customer: 'Ängsskolan',
		target: 'Learnifier',
	};
	const bjork = {
		workflowId: 'wf-b',
		workflowName: 'Nightly Admentum staff → GoPublic',
		customer: 'Björkskolan',
		target: 'GoPublic',
	};
	const ek = { workflowId: 'wf-c', workflowName: 'Nightly Ek', customer: 'Ekskolan' };
	const gran = {
		workflowId: 'wf-d',
		workflowName: 'Nightly SS 12000 → Learnifier',
		customer: 'Granskolan',
	};
	const skipped = (count: number) => JSON.stringify({ [NO_EMAIL]: count });
	const heldBecause =
		'200 of 400 removals held: more than the limits allow, which often means the source was cut short.';
	const rows = [
		historyRow({ ...angs, outcome: 'ok', startedAt: night(8 * DAY), skippedReasons: skipped(2) }),
		historyRow({ ...angs, outcome: 'ok', startedAt: night(7 * DAY), skippedReasons: skipped(7) }),
		historyRow({ ...angs, outcome: 'ok', startedAt: night(DAY), skippedReasons: skipped(11) }),
		historyRow({
			...angs,
			outcome: 'ok',
			startedAt: night(0),
			summary: '2 created, 380 unchanged, 12 skipped',
			skippedReasons: skipped(12),
		}),
		historyRow({ ...bjork, outcome: 'ok', startedAt: night(DAY, 10) }),
		historyRow({
			...bjork,
			outcome: 'refused',
			startedAt: night(0, 10),
			summary: '0 created, 0 updated, 80 failed',
			reason: 'Importing members failed: GoPublic refused the address n8n connects from (403)',
		}),
		...[DAY, 0].map((ago) =>
			historyRow({
				...ek,
				outcome: 'held',
				startedAt: night(ago, 20),
				summary: '3 created, 198 unchanged, 4 skipped, 200 held',
				reason: heldBecause,
				held: 200,
				heldCode: '200-584ebd',
			}),
		),
		historyRow({ ...gran, outcome: 'ok', startedAt: night(2 * DAY, 30), summary: '400 unchanged' }),
		historyRow({ ...angs, outcome: 'ok', startedAt: new Date(now - 401 * DAY), summary: 'old' }),
		historyRow({ ...angs, outcome: 'ok', startedAt: new Date(now - 399 * DAY), summary: 'kept' }),
	];
	dataTables.insert(HISTORY_TABLE, rows as unknown as DataTableRows);
	const removals = [
		removal(new Date(now - 401 * DAY), 'old'),
		removal(new Date(now - 399 * DAY), 'kept'),
	];
	dataTables.insert(REMOVAL_LOG_TABLE, removals as unknown as DataTableRows);
	api.workflows = [
		listedWorkflow('wf-a', angs.workflowName),
		listedWorkflow('wf-b', bjork.workflowName),
		listedWorkflow('wf-c', ek.workflowName),
		listedWorkflow('wf-d', gran.workflowName),
		listedWorkflow('wf-error', 'Sync Failed: E-mail the Admin', false),
	];
	return { dataTables, lastDigest, rows, night };
}

const t = (date: Date | string) => timeText(new Date(date), TIME_ZONE);

describe('Morning digest template (workflows/morning-digest.json)', () => {
	it('mails one digest of last night: what needs a look (red before held), what went through, and the warnings; keeps 400 days; remembers the digest', async () => {
		const now = Date.now();
		const { dataTables, lastDigest, rows, night } = seededTables(now);
		const morning = new Date(now);

		const { result, digest } = await morningDigest(dataTables, morning);

		const [angs, bjork, ek] = [rows[3], rows[5], rows[7]];
		assert.equal(digest.subject, 'Sync digest: 1 refused, 1 held, 1 ok — 3 warnings');
		assert.equal(
			digest.text,
			[
				`3 nights since ${t(lastDigest)} (times in ${TIME_ZONE}).`,
				'',
				'NEEDS A LOOK',
				'- Björkskolan — GoPublic: 0 created, 0 updated, 80 failed',
				`  refused, ${t(bjork.startedAt)}: ${bjork.reason}`,
				`  ${bjork.executionUrl}`,
				'- Ekskolan — Learnifier: 3 created, 198 unchanged, 4 skipped, 200 held',
				`  held, ${t(ek.startedAt)}: ${ek.reason}`,
				`  ${ek.executionUrl}`,
				'',
				'WENT THROUGH',
				'- Ängsskolan — Learnifier: 2 created, 380 unchanged, 12 skipped',
				`  ${t(angs.startedAt)}`,
				`  ${angs.executionUrl}`,
				'',
				'WARNINGS',
				`- Granskolan (Nightly SS 12000 → Learnifier): active, but did not run since ${t(night(2 * DAY, 30))}`,
				`- Ekskolan (Learnifier): 200 removals held since ${dayText(night(DAY, 20), TIME_ZONE)}, waiting for an approval: enter code 200-584ebd in "Approve Held Removals"`,
				`- Ängsskolan (Learnifier): 12 skipped — ${NO_EMAIL}, +5 since last week`,
				'',
			].join('\n'),
		);
		assert.equal(digest.since, lastDigest.toISOString());
		assert.deepEqual([digest.nights, digest.needsALook, digest.held, digest.ok], [3, 2, 1, 1]);

		// The mail went out as the template wires it: to the admin, with the text and the HTML.
		assert.equal(smtp.mails.length, 1);
		const [mail] = smtp.mails;
		assert.deepEqual(mail.envelope, { from: 'n8n@skola.test', to: [ADMIN.toEmail] });
		assert.equal(mail.subject, digest.subject);
		assert.equal(mail.text.trimEnd(), String(digest.text).trimEnd());
		assert.match(mail.raw, /Content-Type: text\/html/i);
		assert.match(
			String(digest.html),
			new RegExp(`<a href="${bjork.executionUrl}">Open the run</a>`),
		);

		// Active Syncs asked n8n once (not once per history row) for the published workflows.
		assert.deepEqual(api.requests, ['GET /api/v1/workflows?active=true&excludePinnedData=true']);
		assert.equal(result.output('Active Syncs').length, 5);

		// Remember Digest kept the morning's time; the next digest starts there.
		const sent = dataTables.rows(DIGEST_TABLE).map((row) => (row.sentAt as Date).toISOString());
		assert.equal(sent.length, 3);
		assert.equal(sent[2], morning.toISOString());

		// Rows older than keepDays (400) are gone, younger ones kept.
		const summaries = dataTables.rows(HISTORY_TABLE).map((row) => row.summary);
		assert.ok(summaries.includes('kept'));
		assert.ok(!summaries.includes('old'));
		assert.equal(summaries.length, rows.length - 1);
		assert.deepEqual(
			dataTables.rows(REMOVAL_LOG_TABLE).map((row) => row.key),
			['kept'],
		);
	});

	it('the next digest tells only what came since the last one, and the warnings that still hold', async () => {
		const now = Date.now();
		const { dataTables } = seededTables(now);
		await morningDigest(dataTables, new Date(now));
		smtp.clear();

		const { digest } = await morningDigest(dataTables, new Date(now + HOUR));

		assert.equal(digest.since, new Date(now).toISOString());
		assert.equal(digest.nights, 0);
		assert.equal(digest.subject, 'Sync digest: nothing ran — 5 warnings');
		const text = String(digest.text);
		assert.match(text, /^No sync ran since /);
		assert.match(text, /NEEDS A LOOK\nNothing: no night failed or held removals\.\n/);
		assert.match(text, /WENT THROUGH\nNo sync went through\.\n/);
		assert.match(text, /Ekskolan \(Learnifier\): 200 removals held since .*code 200-584ebd/);
		assert.doesNotMatch(text, /skipped —/);
		assert.equal(smtp.mails.length, 1);
		assert.equal(dataTables.rows(DIGEST_TABLE).length, 4);
	});

	it('on the first morning the tables are made with the shared columns, and the mail tells the last 24 hours', async () => {
		const dataTables = new InMemoryDataTables();
		const before = Date.now();

		const { digest } = await morningDigest(dataTables, new Date(before));

		const columns = (name: string) =>
			dataTables.table(name)?.columns.map(({ name, type }) => ({ name, type }));
		assert.deepEqual(columns(HISTORY_TABLE), HISTORY_COLUMNS);
		assert.deepEqual(columns(REMOVAL_LOG_TABLE), REMOVAL_LOG_COLUMNS);
		assert.deepEqual(columns(DIGEST_TABLE), [{ name: 'sentAt', type: 'date' }]);
		const since = Date.parse(String(digest.since));
		assert.ok(Math.abs(since - (before - 24 * HOUR)) < 60_000, String(digest.since));
		assert.equal(digest.subject, 'Sync digest: nothing ran');
		assert.equal(smtp.mails[0]?.subject, 'Sync digest: nothing ran');
		assert.equal(dataTables.rows(DIGEST_TABLE).length, 1);
	});

	it('when n8n refuses the API key the digest still goes out, and says which list is missing', async () => {
		const now = Date.now();
		const { dataTables } = seededTables(now);
		api.refuse = true;

		const { digest } = await morningDigest(dataTables, new Date(now));

		assert.equal(digest.subject, 'Sync digest: 1 refused, 1 held, 1 ok — 3 warnings');
		const warnings = digest.warnings as string[];
		assert.ok(!warnings.some((warning) => warning.includes('active, but did not run')));
		assert.match(
			warnings[warnings.length - 1],
			/^Active Workflows: the published workflows could not be listed, so syncs that did not run are not named: .*credentials/,
		);
		assert.equal(smtp.mails.length, 1);
	});
});
