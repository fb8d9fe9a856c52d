/**
 * The demo's last step: the next morning's digest. The morning digest template, with an SMTP
 * credential pointing at a local test mail server and an n8n API key made as an admin makes one,
 * reads the Sync history the demo's nights wrote and sends one mail; the demo prints it. With
 * --screenshot, pictures of the Sync history table in n8n and of the mail go to docs/screenshots/.
 */
import { join } from 'node:path';

import { HISTORY_TABLE } from '../../nodes/shared/syncHistory';
import { readTemplate, withCustomerSettings } from '../fixtures/templates';
import { REPO_ROOT } from '../n8n-runtime/installPackage';
import { nodeOutput, type ExecutionRecord } from '../n8n-runtime/n8nRest';
import { printProgress as log } from '../n8n-runtime/progress';
import {
	importCredentials,
	importWorkflows,
	runToCompletion,
	type RealN8n,
} from '../n8n-runtime/realN8n';
import { screenshotDataTable, screenshotHtml } from '../n8n-runtime/screenshot';
import { startSmtpServer } from '../simulators/smtp/smtpServer';

const ADMIN = { toEmail: 'it-admin@skola.test', fromEmail: 'n8n <n8n@skola.test>' };
const SCREENSHOTS = join(REPO_ROOT, 'docs/screenshots');

/** Runs the digest; returns its execution (red when no mail came). */
export async function runMorningDigest(
	n8n: RealN8n,
	options: { screenshots: boolean },
): Promise<ExecutionRecord> {
	const smtp = await startSmtpServer();
	try {
		const key = (await n8n.rest.request('POST', '/rest/api-keys', {
			label: 'Morning digest',
			expiresAt: null,
			scopes: ['workflow:list', 'workflow:read'],
		})) as { rawApiKey: string };
		await importCredentials(n8n, [
			{
				type: 'smtp',
				name: 'SMTP account',
				data: { host: smtp.host, port: smtp.port, secure: false, user: '', password: '' },
			},
			{
				type: 'n8nApi',
				name: 'n8n account',
				data: { apiKey: key.rawApiKey, baseUrl: `${n8n.url}/api/v1` },
			},
		]);
		const template = readTemplate('morning-digest.json').workflow;
		const [digest] = await importWorkflows(n8n, [
			withCustomerSettings(template, ADMIN, 'Who Gets the Mail'),
		]);
		const execution = await runToCompletion(n8n, digest, log);
		if (execution.status !== 'success') return execution;
		const [mail] = await smtp.waitForMails(1, 60_000);
		log(`  the mail to ${mail.envelope.to.join(', ')}: "${mail.subject}"`);
		for (const line of mail.text.trimEnd().split('\n')) log(`  | ${line}`);
		if (options.screenshots) await saveScreenshots(n8n, execution);
		return execution;
	} finally {
		await smtp.close();
	}
}

async function saveScreenshots(n8n: RealN8n, execution: ExecutionRecord): Promise<void> {
	const [table] = nodeOutput(execution, 'History Table');
	const history = await screenshotDataTable({
		url: n8n.url,
		owner: n8n.owner,
		projectId: String(table.projectId),
		tableId: String(table.id),
		outFile: join(SCREENSHOTS, 'sync-history.png'),
	});
	log(`  screenshot of the ${HISTORY_TABLE} table: ${history}`);
	const [sent] = nodeOutput(execution, 'Sync Digest');
	const mail = await screenshotHtml({
		html: String(sent.html),
		outFile: join(SCREENSHOTS, 'morning-digest.png'),
	});
	log(`  screenshot of the mail: ${mail}`);
}
