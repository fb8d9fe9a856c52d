/**
 * Real n8n with our built package, for the demo and the end-to-end tests: one call prepares the
 * runtime, installs the package as a community package, starts n8n and checks that our node types
 * loaded; helpers import credentials and workflows and run a workflow to its saved execution.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureRuntime, type N8nRuntime } from './ensureRuntime';
import { installPackage, loadedNodeTypes, newUserFolder, PACKAGE_NAME } from './installPackage';
import { startN8n, type N8nInstance } from './n8nInstance';
import type { ExecutionRecord } from './n8nRest';
import type { SimulatorCredential } from '../simulators/startAll';
import { printProgress, seconds, type Log } from './progress';

export interface RealN8n extends N8nInstance {
	runtime: N8nRuntime;
	/** Our node types n8n loaded, e.g. 'n8n-nodes-directory-sync.reconcile'. */
	ourNodeTypes: string[];
}

export interface StartRealN8nOptions {
	/** See installPackage: only while other nodes are not built yet. */
	allowMissingBuildFiles?: boolean;
	log?: Log;
	port?: number;
	/** More environment for the n8n server (see StartN8nOptions.env). */
	env?: Record<string, string>;
}

export async function startRealN8n(options: StartRealN8nOptions = {}): Promise<RealN8n> {
	const log = options.log ?? printProgress;
	const runtime = await ensureRuntime({ log });
	const userFolder = newUserFolder();
	await installPackage({
		userFolder,
		runtime,
		allowMissingBuildFiles: options.allowMissingBuildFiles,
		log,
	});
	const instance = await startN8n({
		runtime,
		userFolder,
		port: options.port,
		env: options.env,
		log,
	});
	const ourNodeTypes = loadedNodeTypes(userFolder).filter((type) =>
		type.startsWith(`${PACKAGE_NAME}.`),
	);
	if (ourNodeTypes.length === 0) {
		await instance.stop();
		throw new Error(`n8n started but loaded none of our node types; see ${instance.logFile}`);
	}
	log(`n8n: our node types loaded: ${ourNodeTypes.join(', ')}`);
	const stop = async (graceMs?: number) => {
		await instance.stop(graceMs);
		// Set DIRSYNC_KEEP_N8N_FOLDER=1 to keep the database and n8n.log for a look after a failure.
		if (process.env.DIRSYNC_KEEP_N8N_FOLDER !== '1')
			rmSync(userFolder, { recursive: true, force: true });
	};
	return { ...instance, stop, runtime, ourNodeTypes };
}

/** An id of the shape n8n gives workflows and credentials (16 letters and digits). */
export function newN8nId(): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
	return Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** Plain values; n8n encrypts them on import. */
export type CredentialToImport = SimulatorCredential;

export interface ImportedCredential {
	id: string;
	name: string;
	type: string;
}

/** Imports credentials in one CLI call; returns them with their ids. */
export async function importCredentials(
	n8n: N8nInstance,
	credentials: CredentialToImport[],
): Promise<ImportedCredential[]> {
	const withIds = credentials.map((credential) => ({ id: newN8nId(), ...credential }));
	await importFile(n8n, 'import:credentials', withIds);
	return withIds.map(({ id, name, type }) => ({ id, name, type }));
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: Array<
		{
			name: string;
			type: string;
			credentials?: Record<string, { id: string; name: string }>;
		} & Record<string, unknown>
	>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

/**
 * Imports workflows in one CLI call. Every node that uses a credential of a type we imported is
 * pointed at that credential, so templates work whatever ids or names they were saved with.
 * Returns the stored workflows with their ids.
 */
export async function importWorkflows(
	n8n: N8nInstance,
	workflows: WorkflowJson[],
	credentials: ImportedCredential[] = [],
): Promise<WorkflowJson[]> {
	if (workflows.length === 0) return [];
	const prepared = workflows.map((workflow) => ({
		...withCredentials(workflow, credentials),
		id: workflow.id ?? newN8nId(),
	}));
	await importFile(n8n, 'import:workflow', prepared);
	return prepared;
}

/** A copy whose nodes use, for each credential type given, that credential (as an admin chooses them). */
export function withCredentials(
	workflow: WorkflowJson,
	credentials: ImportedCredential[],
): WorkflowJson {
	const byType = new Map(credentials.map((credential) => [credential.type, credential]));
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => {
			if (!node.credentials) return node;
			const pointed = Object.fromEntries(
				Object.entries(node.credentials).map(([type, reference]) => {
					const ours = byType.get(type);
					return [type, ours ? { id: ours.id, name: ours.name } : reference];
				}),
			);
			return { ...node, credentials: pointed };
		}),
	};
}

async function importFile(
	n8n: N8nInstance,
	command: string,
	content: unknown[],
	log: Log = printProgress,
): Promise<void> {
	const started = Date.now();
	const folder = mkdtempSync(join(tmpdir(), 'dirsync-import-'));
	const file = join(folder, 'import.json');
	try {
		writeFileSync(file, JSON.stringify(content));
		const result = await n8n.cli([command, `--input=${file}`]);
		if (result.code !== 0)
			throw new Error(`n8n ${command} failed:\n${result.stdout}\n${result.stderr}`);
		log(`n8n: ${command} of ${content.length} took ${seconds(started)}`);
	} finally {
		// Credential files hold plain keys: do not leave them behind.
		rmSync(folder, { recursive: true, force: true });
	}
}

/** The first trigger node of a workflow (the node a manual run starts from). */
export function triggerName(workflow: WorkflowJson): string {
	const trigger = workflow.nodes.find((node) => /trigger/i.test(node.type));
	if (!trigger) throw new Error(`Workflow "${workflow.name}" has no trigger node`);
	return trigger.name;
}

/** Runs a stored workflow as the editor's "Execute workflow" does and waits for its saved execution. */
export async function runToCompletion(
	n8n: N8nInstance,
	workflow: WorkflowJson,
	log: Log = printProgress,
): Promise<ExecutionRecord> {
	const started = Date.now();
	const executionId = await n8n.rest.runWorkflow(String(workflow.id), triggerName(workflow));
	const execution = await n8n.rest.waitForExecution(executionId);
	log(
		`n8n: "${workflow.name}" ran as execution ${executionId}: ${execution.status} in ${seconds(started)}`,
	);
	return execution;
}

/** The secrets that occur in a text (a log, an execution's data). */
export function secretsFoundIn(text: string, secrets: readonly string[]): string[] {
	return secrets.filter((secret) => text.includes(secret));
}
