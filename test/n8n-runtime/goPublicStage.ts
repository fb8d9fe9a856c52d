/**
 * Real n8n with the GoPublic simulator and an HR file of any size, for the GoPublic memory at the
 * size of a municipality: workflows/hr-csv-to-gopublic.json as shipped (applied, its schedule
 * every few seconds so that production runs come within the test), or the same without the
 * memory (no Data table nodes, Lock Members That Left off) to measure what the memory costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { hrRowsFrom, type HrRow } from '../fixtures/hrCsv';
import {
	readTemplate,
	toApply,
	withCustomerSettings,
	withScheduleEverySeconds,
} from '../fixtures/templates';
import { generatePeople } from '../simulators/seed/people';
import {
	GOPUBLIC_TEST_KEY,
	GOPUBLIC_TEST_ORIGIN,
	startGoPublicSimulator,
	type GoPublicSimulator,
} from '../simulators/gopublic/gopublicSimulator';
import { IMPORT_PATH } from '../../nodes/GoPublic/transport/apiContract';
import type { ExecutionRecord } from './n8nRest';
import { readDataTable } from './dataTableRows';
import {
	importCredentials,
	importWorkflows,
	startRealN8n,
	type ImportedCredential,
	type RealN8n,
	type WorkflowJson,
} from './realN8n';

export interface GoPublicStage {
	n8n: RealN8n;
	goPublic: GoPublicSimulator;
	csvFile: string;
	/** `count` staff rows in the layout of GoPublic's guide. */
	rows(count: number): HrRow[];
	/** Imports the HR template (with or without the memory), its schedule every few seconds. */
	importHrWorkflow(options: {
		memory: boolean;
		everySeconds: number;
		change?: (workflow: WorkflowJson) => WorkflowJson;
	}): Promise<WorkflowJson>;
	/** Runs a workflow of one Data table node that reads every row of the named table. */
	readTable(name: string): Promise<Array<Record<string, unknown>>>;
	close(): Promise<void>;
}

const MEMORY_NODES = ['Memory Table', 'Read Memory', 'Save Memory'];

/** The HR template without its memory: the file is read after the record's tables, nobody is locked. */
function withoutMemory(workflow: WorkflowJson): WorkflowJson {
	const nodes = workflow.nodes
		.filter((node) => !MEMORY_NODES.includes(node.name))
		.map((node) => {
			if (node.type !== 'n8n-nodes-directory-sync.goPublic') return node;
			const parameters = node.parameters as { options: Record<string, unknown> };
			const { rememberedMembers: _unused, ...options } = parameters.options;
			options.lockMembersThatLeft = false;
			return { ...node, parameters: { ...parameters, options } };
		});
	type Outputs = { main: Array<Array<{ node: string }>> };
	const connections: Record<string, unknown> = Object.fromEntries(
		Object.entries(workflow.connections as Record<string, Outputs>)
			.filter(([from]) => !MEMORY_NODES.includes(from))
			.map(([from, { main }]) => [
				from,
				{ main: main.map((targets) => targets.filter((to) => !MEMORY_NODES.includes(to.node))) },
			]),
	);
	connections['Removal Log Table'] = { main: [[{ node: 'Read HR File', type: 'main', index: 0 }]] };
	return { ...workflow, nodes, connections };
}

export async function startGoPublicStage(): Promise<GoPublicStage> {
	const folder = mkdtempSync(join(tmpdir(), 'dirsync-gopublic-stage-'));
	const csvFile = join(folder, 'members.csv');
	const goPublic = await startGoPublicSimulator();
	let n8n: RealN8n;
	let credentials: ImportedCredential[];
	try {
		n8n = await startRealN8n({ env: { N8N_RESTRICT_FILE_ACCESS_TO: folder } });
		credentials = await importCredentials(n8n, [
			{
				type: 'goPublicApi',
				name: 'GoPublic (simulator)',
				data: {
					addressType: 'endpoint',
					endpoint: `${goPublic.origin}${IMPORT_PATH}`,
					apiKey: GOPUBLIC_TEST_KEY,
					origin: GOPUBLIC_TEST_ORIGIN,
				},
			},
		]);
	} catch (error) {
		await goPublic.close();
		throw error;
	}
	return {
		n8n,
		goPublic,
		csvFile,
		rows: (count) =>
			hrRowsFrom(generatePeople({ count, teacherShare: 1, missingEmailShare: 0, seed: 7 })),
		async importHrWorkflow({ memory, everySeconds, change = (workflow) => workflow }) {
			const template = toApply(readTemplate('hr-csv-to-gopublic.json').workflow);
			const configured = withScheduleEverySeconds(
				withCustomerSettings(template, { csvFile }),
				everySeconds,
			);
			const [stored] = await importWorkflows(
				n8n,
				[change(memory ? configured : withoutMemory(configured))],
				credentials,
			);
			return stored;
		},
		readTable: (name) => readDataTable(n8n, name),
		async close() {
			await n8n.stop();
			await goPublic.close();
			rmSync(folder, { recursive: true, force: true });
		},
	};
}

/** Seconds an execution took, as n8n recorded it. */
export const executionSeconds = (execution: ExecutionRecord) =>
	(Date.parse(execution.stoppedAt ?? execution.startedAt) - Date.parse(execution.startedAt)) / 1000;

/**
 * Production runs: the workflow is published until `count` runs have started, then unpublished;
 * returns every run that started, finished. With a schedule shorter than a run, they overlap.
 */
export async function productionRuns(
	n8n: RealN8n,
	workflow: WorkflowJson,
	count: number,
	timeoutMs = 600_000,
): Promise<ExecutionRecord[]> {
	const id = String(workflow.id);
	const known = new Set(await n8n.rest.listExecutionIds());
	// Only this workflow's: a run of another one may still start after it was unpublished.
	const started = async () =>
		(await n8n.rest.listExecutions())
			.filter((execution) => execution.workflowId === id && !known.has(execution.id))
			.map((execution) => execution.id);
	const deadline = Date.now() + timeoutMs;
	await n8n.rest.activateWorkflow(id);
	try {
		while ((await started()).length < count) {
			if (Date.now() > deadline) throw new Error(`fewer than ${count} runs of ${id} started`);
			await new Promise((done) => setTimeout(done, 250));
		}
	} finally {
		await n8n.rest.deactivateWorkflow(id);
	}
	const runs: ExecutionRecord[] = [];
	for (const execution of await started())
		runs.push(await n8n.rest.waitForExecution(execution, Math.max(deadline - Date.now(), 1_000)));
	return runs.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}
