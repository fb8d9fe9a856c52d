/**
 * `npm run demo` (after the build): the nightly syncs in real n8n 2.41.1 against local simulators.
 *   1. prepares n8n and Node 24 (minutes the first time, instant after);
 *   2. starts the Admentum, Learnifier and GoPublic simulators with seeded people, and writes the
 *      HR system's CSV export into a folder n8n may read (N8N_RESTRICT_FILE_ACCESS_TO);
 *   3. starts n8n with our package installed as a community package;
 *   4. imports credentials pointing at the simulators and the templates from workflows/ (the HR
 *      template's "Customer Settings" pointed at the CSV file);
 *   5. previews tonight in the Learnifier template (mode: preview, nothing written), then runs each
 *      template twice, as the editor's "Execute workflow" does: tonight (the targets catch up with
 *      the sources) and the next night (nothing changed: nothing to write), then a Learnifier night
 *      whose Admentum export is cut short (the removals are held, the night ends red), and between
 *      them a preview of SS 12000 → Learnifier on the same school; prints what
 *      changed in each target, read from the simulators, and each run's Sync Summary;
 *   6. the next morning: the morning digest template reads the Sync history those nights wrote and
 *      mails the admin (a local test mail server); the mail is printed;
 *   7. with --screenshot, saves a picture of each template's first executed run in the editor to
 *      docs/screenshots/<template>.png, of the preview's and the held night's Sync Summary
 *      (…-preview.png, …-held.png), of the Sync history table and of the digest mail
 *      (sync-history.png, morning-digest.png) (headless Debian Chromium);
 *   8. exits, or with --keep-open prints the editor's address and login and waits for Ctrl-C.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import {
	importCredentials,
	importWorkflows,
	runToCompletion,
	startRealN8n,
	type RealN8n,
	type WorkflowJson,
} from '../n8n-runtime/realN8n';
import { ensureRuntime } from '../n8n-runtime/ensureRuntime';
import { nodeOutput, type ExecutionRecord } from '../n8n-runtime/n8nRest';
import { printProgress as log, seconds } from '../n8n-runtime/progress';
import { REPO_ROOT } from '../n8n-runtime/installPackage';
import { screenshotEditor } from '../n8n-runtime/screenshot';
import { runMorningDigest } from './morningDigest';
import { startAllSimulators, type AllSimulators } from '../simulators/startAll';
import { DEMO_WORLD } from '../fixtures/demoWorld';
import { hrRowsFrom, writeHrCsv } from '../fixtures/hrCsv';
import { LEGACY_ID_CONTEXT } from '../simulators/ss12000/seedSs12000';
import {
	changesBetween,
	describeChanges,
	snapshotGoPublic,
	snapshotLearnifier,
} from './targetChanges';
import {
	readTemplates,
	toApply,
	withCustomerSettings,
	type Target,
	type Template,
} from '../fixtures/templates';

/** The main template first: its run is the one the README's picture shows. */
const FIRST = 'admentum-to-learnifier.json';
/** Run once, after the Admentum nights, against the same Learnifier. */
const SS12000_TEMPLATE = 'ss12000-to-learnifier.json';

async function main(): Promise<number> {
	const keepOpen = process.argv.includes('--keep-open');
	const screenshots = process.argv.includes('--screenshot');
	const started = Date.now();
	await ensureRuntime({ log });

	log(
		`demo: starting the simulators with ${DEMO_WORLD.people} seeded people in ${DEMO_WORLD.schools} schools…`,
	);
	const sims = await startAllSimulators(DEMO_WORLD);
	log(
		`demo: Admentum ${sims.admentum.origin}, Learnifier ${sims.learnifier.url}, GoPublic ${sims.gopublic.origin}`,
	);
	const drift = sims.drift;
	log(
		`demo: Learnifier was last synced a while ago: ${drift.joiners.length} joiners missing, ${drift.leavers.length} leavers still there, ` +
			`${drift.renamed.length} renamed and ${drift.emailChanged.length} new e-mails not yet applied`,
	);

	// n8n 2.x reads and writes files only in the folders N8N_RESTRICT_FILE_ACCESS_TO names.
	const filesFolder = mkdtempSync(join(tmpdir(), 'dirsync-demo-files-'));
	const csvFile = join(filesFolder, 'hr', 'members.csv');
	const hrRows = hrRowsFrom(sims.admentum.state.world);
	writeHrCsv(csvFile, hrRows);
	log(`demo: the HR system's export (${hrRows.length} staff, BOM, ";") is at ${csvFile}`);

	let n8n: RealN8n | undefined;
	let failed = 0;
	try {
		n8n = await startRealN8n({ log, env: { N8N_RESTRICT_FILE_ACCESS_TO: filesFolder } });
		const credentials = await importCredentials(n8n, sims.credentials);
		log(
			`demo: imported credentials ${credentials.map((credential) => `"${credential.name}"`).join(', ')}`,
		);

		// The nightly syncs; the error-workflow template runs only when a sync fails.
		// The SS 12000 templates read the same people from another source: run nightly against the
		// same targets they would only repeat the Admentum ones. SS 12000 → Learnifier is previewed
		// below; test/e2e/ss12000Templates.e2e.ts runs both on their own.
		const templates = readTemplates()
			.filter((template) => template.targets.length > 0 && !template.file.startsWith('ss12000-'))
			.sort((a, b) => Number(b.file === FIRST) - Number(a.file === FIRST));
		if (templates.length === 0) log('demo: workflows/ holds no templates yet: nothing to run');
		const stored = await importWorkflows(
			n8n,
			templates.map((template) => forThisMachine(template, csvFile)),
			credentials,
		);
		log(
			`demo: imported ${stored.length} template(s): ${templates.map((template) => template.file).join(', ')}`,
		);

		const first = templates.findIndex((template) => template.file === FIRST);
		if (first >= 0) {
			log('');
			log('demo: ── tonight, previewed (mode: preview: nothing is written) ──');
			const preview = {
				...withCustomerSettings(templates[first].workflow, { customer: CUSTOMERS[FIRST] }),
				name: `${templates[first].workflow.name} (preview)`,
			};
			const [previewCopy] = await importWorkflows(n8n, [preview], credentials);
			const execution = await runTemplate(n8n, sims, {
				...templates[first],
				workflow: previewCopy,
			});
			if (execution.status !== 'success') failed++;
			if (screenshots)
				await saveScreenshot(n8n, templates[first], previewCopy, execution.id, 'preview');
		}

		for (const night of ['tonight', 'the next night (nothing changed in the sources)']) {
			log('');
			log(`demo: ── ${night} ──`);
			for (const [index, template] of templates.entries()) {
				const execution = await runTemplate(n8n, sims, { ...template, workflow: stored[index] });
				if (execution.status !== 'success') failed++;
				if (screenshots && night === 'tonight')
					await saveScreenshot(n8n, template, stored[index], execution.id);
			}
		}

		const ss12000 = readTemplates().find((template) => template.file === SS12000_TEMPLATE);
		if (ss12000) {
			log('');
			log(
				'demo: ── the same school read through SS 12000, under the IDs Learnifier already has (previewed: nothing is written) ──',
			);
			// As shipped (mode: preview). People with a protected identity are left out by default,
			// so the preview names them as the only removals.
			const [copy] = await importWorkflows(
				n8n,
				[
					withCustomerSettings(ss12000.workflow, {
						customer: CUSTOMERS[ss12000.file],
						externalIdFrom: 'externalIdentifier',
						externalIdContext: LEGACY_ID_CONTEXT,
					}),
				],
				credentials,
			);
			const execution = await runTemplate(n8n, sims, { ...ss12000, workflow: copy });
			if (execution.status !== 'success') failed++;
		}

		if (first >= 0) {
			log('');
			log('demo: ── a night the Admentum export is cut short (200 of 400 people missing) ──');
			const world = sims.admentum.state.world;
			sims.admentum.state.world = { ...world, people: world.people.slice(0, 200) };
			const execution = await runTemplate(n8n, sims, {
				...templates[first],
				workflow: stored[first],
			});
			if (execution.status !== 'error') failed++;
			log(
				`  the night ended ${execution.status === 'error' ? 'red, as it must' : 'green: it should be red'}`,
			);
			if (screenshots)
				await saveScreenshot(n8n, templates[first], stored[first], execution.id, 'held');
			sims.admentum.state.world = world;
		}
		log('');
		log('demo: ── the next morning: the digest of every night above, from the Sync history ──');
		const digest = await runMorningDigest(n8n, { screenshots });
		if (digest.status !== 'success') failed++;

		log('');
		log(`demo: done in ${seconds(started)}${failed ? `, ${failed} run(s) failed` : ''}`);

		if (keepOpen) await waitForCtrlC(n8n, stored.length > 0 ? String(stored[0].id) : undefined);
	} finally {
		await n8n?.stop();
		await sims.close();
		rmSync(filesFolder, { recursive: true, force: true });
	}
	return failed ? 1 : 0;
}

/** Each template's customer, as the Sync history and the morning digest name them. */
const CUSTOMERS: Record<string, string> = {
	'admentum-to-learnifier.json': 'Ängsskolan',
	'admentum-staff-to-gopublic.json': 'Ängsskolan staff',
	'hr-csv-to-gopublic.json': 'Björkby kommun',
	'ss12000-to-learnifier.json': 'Ängsskolan via SS 12000',
};

/** Named after its customer; the HR template reads the CSV written above. */
function forThisMachine(template: Template, csvFile: string): WorkflowJson {
	const workflow = withCustomerSettings(template.workflow, {
		customer: CUSTOMERS[template.file] ?? template.file,
	});
	const applied = toApply(workflow);
	return workflow.nodes.some((node) => node.type === 'n8n-nodes-base.readWriteFile')
		? withCustomerSettings(applied, { csvFile })
		: applied;
}

async function runTemplate(
	n8n: RealN8n,
	sims: AllSimulators,
	template: Template,
): Promise<ExecutionRecord> {
	log(`demo: running "${template.workflow.name}" (${template.file})…`);
	const before = {
		Learnifier: snapshotLearnifier(sims.learnifier),
		GoPublic: snapshotGoPublic(sims.gopublic),
	};
	const execution = await runToCompletion(n8n, template.workflow, log);
	const after = {
		Learnifier: snapshotLearnifier(sims.learnifier),
		GoPublic: snapshotGoPublic(sims.gopublic),
	};
	const simulatorOf = (target: Target) =>
		target === 'Learnifier' ? sims.learnifier : sims.gopublic;
	for (const target of template.targets) {
		log(
			`  ${describeChanges(target, changesBetween(before[target], after[target], simulatorOf(target)))}`,
		);
	}
	printSummary(execution);
	return execution;
}

/** The canvas of the run; with `variant`, its Sync Summary opened (docs/screenshots/<template>-<variant>.png). */
async function saveScreenshot(
	n8n: RealN8n,
	template: Template,
	workflow: WorkflowJson,
	executionId: string,
	variant?: string,
): Promise<void> {
	const name = basename(template.file, '.json') + (variant ? `-${variant}` : '');
	const outFile = join(REPO_ROOT, 'docs/screenshots', `${name}.png`);
	await screenshotEditor({
		url: n8n.url,
		owner: n8n.owner,
		workflowId: String(workflow.id),
		executionId,
		outFile,
		// Tall enough to show the summary down to the records it lists.
		...(variant ? { openNode: 'Sync Summary', height: 1500 } : {}),
	});
	log(`  screenshot of the run: ${outFile}`);
}

/** The run's closing summary item (the last node's first item), or its error. */
function printSummary(execution: ExecutionRecord): void {
	const { error, lastNodeExecuted } = execution.data.resultData;
	const [syncSummary] = nodeOutput(execution, 'Sync Summary');
	if (syncSummary) log(`  Sync Summary: ${JSON.stringify(syncSummary)}`);
	if (error) {
		log(
			`  failed${error.node ? ` in "${error.node.name}"` : ''}: ${error.message}${error.description ? ` (${error.description})` : ''}`,
		);
		return;
	}
	const [summary] = lastNodeExecuted ? nodeOutput(execution, lastNodeExecuted) : [];
	if (summary && lastNodeExecuted !== 'Sync Summary')
		log(`  summary (${lastNodeExecuted}): ${JSON.stringify(summary)}`);
}

async function waitForCtrlC(n8n: RealN8n, workflowId: string | undefined): Promise<void> {
	log('');
	log(
		`The n8n editor is open at ${n8n.url}${workflowId ? `/workflow/${workflowId}/executions` : ''}`,
	);
	log(
		`Log in with ${n8n.owner.email} / ${n8n.owner.password} (a throwaway demo instance on 127.0.0.1 only).`,
	);
	log('Press Ctrl-C to stop n8n and the simulators.');
	await new Promise<void>((done) => {
		process.once('SIGINT', done);
		process.once('SIGTERM', done);
	});
	log('demo: stopping…');
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		process.stderr.write(`demo failed: ${error.stack ?? error.message}\n`);
		process.exit(1);
	},
);
