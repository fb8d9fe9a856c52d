/**
 * What the template end-to-end tests share: the seeded simulators, real n8n with our package and
 * credentials that reach the simulators, a folder n8n may read files from, importing a template
 * from workflows/ (optionally changed the way an admin would change their copy), manual and
 * production runs, and the secret scan over every saved execution and n8n's log.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readTemplate, toApply } from '../fixtures/templates';
import { DEMO_WORLD } from '../fixtures/demoWorld';
import { nodeOutput, type ExecutionRecord } from '../n8n-runtime/n8nRest';
import type { LoggedRequest } from '../simulators/kit/simulatorServer';
import {
	startAllSimulators,
	type AllSimulators,
	type StartAllOptions,
} from '../simulators/startAll';
import {
	importCredentials,
	importWorkflows,
	runToCompletion,
	secretsFoundIn,
	startRealN8n,
	type ImportedCredential,
	type RealN8n,
	type WorkflowJson,
} from '../n8n-runtime/realN8n';

export interface TemplateHarness {
	n8n: RealN8n;
	sims: AllSimulators;
	/** The folder N8N_RESTRICT_FILE_ACCESS_TO names: the only place n8n may read files from. */
	filesFolder: string;
	/** Imports a copy of workflows/<file>, changed by `change`; returns the stored workflow. */
	importTemplate(
		file: string,
		change?: (workflow: WorkflowJson) => WorkflowJson,
	): Promise<WorkflowJson>;
	/** A manual run (the editor's "Execute workflow"). */
	run(workflow: WorkflowJson): Promise<ExecutionRecord>;
	/**
	 * One production run: publish the workflow (its schedule must fire within seconds), wait for the
	 * run, unpublish, and wait out a run the schedule may have started meanwhile.
	 */
	productionRun(workflow: WorkflowJson): Promise<ExecutionRecord>;
	/** Secrets found in any saved execution or in n8n's log, with where. */
	leakedSecrets(): Promise<string[]>;
	close(): Promise<void>;
}

/** `world`: the seeded people (default: the demo's 400). */
export async function startTemplateHarness(
	world: StartAllOptions = DEMO_WORLD,
): Promise<TemplateHarness> {
	const sims = await startAllSimulators(world);
	const filesFolder = mkdtempSync(join(tmpdir(), 'dirsync-e2e-files-'));
	let n8n: RealN8n;
	let credentials: ImportedCredential[];
	try {
		n8n = await startRealN8n({ env: { N8N_RESTRICT_FILE_ACCESS_TO: filesFolder } });
		credentials = await importCredentials(n8n, sims.credentials);
	} catch (error) {
		await sims.close();
		throw error;
	}
	const executionIdsOf = async (workflowId: string) => {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = (await n8n.rest.request('GET', `/rest/executions?limit=100&filter=${filter}`)) as {
			results: Array<{ id: string }>;
		};
		return page.results.map((execution) => execution.id);
	};
	return {
		n8n,
		sims,
		filesFolder,
		async importTemplate(file, change = (workflow) => workflow) {
			const [stored] = await importWorkflows(
				n8n,
				[change(toApply(readTemplate(file).workflow))],
				credentials,
			);
			return stored;
		},
		run: (workflow) => runToCompletion(n8n, workflow),
		async productionRun(workflow) {
			const id = String(workflow.id);
			const known = await executionIdsOf(id);
			await n8n.rest.activateWorkflow(id);
			let execution: ExecutionRecord;
			try {
				execution = await n8n.rest.waitForNewExecution(id, known, 60_000);
			} finally {
				await n8n.rest.deactivateWorkflow(id);
			}
			for (const other of await executionIdsOf(id)) {
				if (!known.includes(other) && other !== execution.id)
					await n8n.rest.waitForExecution(other, 60_000);
			}
			return execution;
		},
		async leakedSecrets() {
			const found: string[] = [];
			for (const id of await n8n.rest.listExecutionIds()) {
				const text = JSON.stringify(await n8n.rest.getExecution(id));
				found.push(
					...secretsFoundIn(text, sims.secrets).map((secret) => `${secret} in execution ${id}`),
				);
			}
			found.push(
				...secretsFoundIn(readFileSync(n8n.logFile, 'utf8'), sims.secrets).map(
					(secret) => `${secret} in n8n's log`,
				),
			);
			return found;
		},
		async close() {
			await n8n.stop();
			await sims.close();
			rmSync(filesFolder, { recursive: true, force: true });
		},
	};
}

/** The run's Sync Summary item. */
export function syncSummary(execution: ExecutionRecord): {
	summary: string;
	counts: Record<
		| 'created'
		| 'updated'
		| 'locked'
		| 'deleted'
		| 'unchanged'
		| 'sent'
		| 'skipped'
		| 'failed'
		| 'stopped',
		number
	>;
	/** The reasons, as the execution view lists them. */
	skipped: unknown[];
	failed: unknown[];
	refused: unknown[];
	stopped: unknown[];
	nightFailed: boolean;
} {
	const [summary] = nodeOutput(execution, 'Sync Summary');
	if (!summary)
		throw new Error(
			`execution ${execution.id} has no Sync Summary: ${JSON.stringify(execution.data.resultData.error)}`,
		);
	return summary as ReturnType<typeof syncSummary>;
}

export const WRITE_METHODS = ['POST', 'PATCH', 'PUT', 'DELETE'];

/** The requests a simulator logged from index `from` on. */
export function requestsSince(requests: readonly LoggedRequest[], from: number): LoggedRequest[] {
	return requests.slice(from);
}

export function writesIn(requests: readonly LoggedRequest[]): LoggedRequest[] {
	return requests.filter((request) => WRITE_METHODS.includes(request.method));
}

/** The execution's error as the editor shows it (message and description). */
export function executionError(execution: ExecutionRecord): string {
	const error = execution.data.resultData.error;
	return error ? `${error.message}${error.description ? ` ${error.description}` : ''}` : '';
}
