/**
 * Runs a workflow JSON through n8n's real engine (n8n-core's WorkflowExecute), in this process,
 * the way n8n's own node tests do. Only what a running n8n server would provide around the engine
 * is supplied here: node types, credentials (plain objects instead of the encrypted store) and
 * the generic credential authentication that n8n's CLI performs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'dirsync-n8n-'));
process.env.N8N_ENCRYPTION_KEY ??= 'directory-sync-tests-only';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import type { InMemoryDataTables } from './dataTables';
import { loadNodeTypes, type NodeTypeName } from './nodeTypes';

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IWorkflowBase['connections'];
	settings?: IWorkflowBase['settings'];
	staticData?: IDataObject;
	pinData?: IWorkflowBase['pinData'];
}

export interface RunOptions {
	/** Credential data by credential type name, e.g. `{ learnifierApi: { baseUrl, apiKey, apiSecret } }`. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** 'manual' (editor run) or 'trigger' (activated workflow). */
	mode?: 'manual' | 'trigger';
	/** Workflow static data, kept between runs when the same object is passed again. */
	staticData?: IDataObject;
	/** n8n's Data tables (for n8n-nodes-base.dataTable); pass the same store to keep tables between runs. */
	dataTables?: InMemoryDataTables;
}

export interface RunResult {
	run: IRun;
	/** Output items of a node, per output index. */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** JSON of a node's output items. */
	json(nodeName: string, outputIndex?: number): IDataObject[];
	/** The error that stopped the run, if any. */
	error: Error | undefined;
	/** Names of the nodes that ran. */
	executedNodes: string[];
	staticData: IDataObject;
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
		private readonly types: Map<string, ICredentialType>,
	) {
		super();
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.types.get(typeName);
		const authenticate = type?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!workflow || !node) throw new Error('Generic authentication needs the workflow and node');
		// What n8n's CLI does for `authenticate: { type: 'generic' }`: resolve each expression
		// against `$credentials` and merge it into the request.
		// The same call n8n's CLI makes (CredentialsHelper.resolveValue); keys may be expressions too.
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=')
				? workflow.expression.getSimpleParameterValue(
						node,
						value,
						'internal',
						{ $credentials: credentials } as never,
						undefined,
						'',
					)
				: value;
		const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			if (section === 'auth') {
				const auth = entries as { username: string; password: string };
				requestOptions.auth = {
					username: resolve(auth.username) as string,
					password: resolve(auth.password) as string,
				};
				continue;
			}
			target[section] ??= {};
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				target[section][resolve(key) as string] = resolve(value);
			}
		}
		return requestOptions;
	}

	/**
	 * What n8n's CLI does (CredentialsHelper.preAuthentication): a credential type with a hidden
	 * `expirable` field and a `preAuthentication` gets it filled when the field is empty or the
	 * service refused it (a 401: `credentialsExpired`); the result is saved with the credential,
	 * here in the test's credential data, so the next run uses the stored token as n8n's would.
	 */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.get(typeName);
		const expirable = type?.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!type || expirable === undefined || typeof type.preAuthentication !== 'function')
			return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		Object.assign(this.data[typeName], output);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by the engine in tests');
	}

	async getDecrypted(_additionalData: unknown, nodeCredentials: { name: string }, type: string) {
		const found = this.data[type];
		if (!found) throw new Error(`No test credentials of type "${type}" (${nodeCredentials.name})`);
		// n8n fills the fields a stored credential lacks with their defaults (an expirable token: '').
		const defaults = Object.fromEntries(
			(this.types.get(type)?.properties ?? [])
				.filter((property) => property.default !== undefined)
				.map((property) => [property.name, property.default]),
		);
		return { ...defaults, ...found } as ICredentialDataDecryptedObject;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string) {
		return this.types.get(type)?.properties ?? [];
	}
}

function nodeTypesFor(types: Map<string, INodeType | IVersionedNodeType>): INodeTypes {
	const get = (name: string) => {
		const type = types.get(name);
		if (!type) throw new Error(`Unknown node type in test workflow: ${name}`);
		return type;
	};
	return {
		getByName: get,
		getByNameAndVersion(name: string, version?: number) {
			const type = get(name);
			return 'nodeVersions' in type ? type.getNodeType(version) : type;
		},
		getKnownTypes: () => ({}),
	};
}

function additionalDataFor(
	credentialsHelper: ICredentialsHelper,
	hooks: ExecutionLifecycleHooks,
	dataTables?: InMemoryDataTables,
): IWorkflowExecuteAdditionalData {
	const url = 'http://127.0.0.1:5678/';
	return {
		credentialsHelper,
		hooks,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: url + 'rest',
		instanceBaseUrl: url,
		formBaseUrl: url + 'form',
		formWaitingBaseUrl: url + 'form-waiting',
		formTestBaseUrl: url + 'form-test',
		webhookBaseUrl: url + 'webhook',
		webhookWaitingBaseUrl: url + 'webhook-waiting',
		webhookTestBaseUrl: url + 'webhook-test',
		mcpBaseUrl: url + 'mcp',
		mcpTestBaseUrl: url + 'mcp-test',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('The Code node needs a task runner: it runs in real n8n, not in these tests');
		},
		...(dataTables && {
			'data-table': { dataTableProxyProvider: dataTables.provider },
			dataTableProjectId: dataTables.projectId,
		}),
	} as unknown as IWorkflowExecuteAdditionalData;
}

function isTrigger(type: INodeType | IVersionedNodeType | undefined) {
	return type?.description.group?.includes('trigger') ?? false;
}

/** Node type names a test workflow uses are loaded on demand; see nodeTypes.ts. */
export async function runWorkflow(
	json: WorkflowJson,
	options: RunOptions = {},
): Promise<RunResult> {
	const { nodeTypes, credentialTypes } = loadNodeTypes(
		json.nodes.map((n) => n.type as NodeTypeName),
	);
	const staticData = options.staticData ?? json.staticData ?? {};
	const workflowData: IWorkflowBase = {
		id: 'test-workflow',
		name: json.name ?? 'test',
		active: false,
		isArchived: false,
		nodes: json.nodes,
		connections: json.connections,
		settings: { executionOrder: 'v1', ...(json.settings ?? {}) },
		staticData,
		pinData: json.pinData,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes: nodeTypesFor(nodeTypes),
		staticData,
		settings: workflowData.settings,
		pinData: json.pinData,
	});
	const mode = options.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', workflowData);
	const additionalData = additionalDataFor(
		new TestCredentialsHelper(options.credentials ?? {}, credentialTypes),
		hooks,
		options.dataTables,
	);
	const startNode = json.nodes.find((n) => isTrigger(nodeTypes.get(n.type))) ?? json.nodes[0];
	const run = await new WorkflowExecute(additionalData, mode).run({
		workflow,
		startNode,
		pinData: json.pinData,
	});
	const runData = run.data.resultData.runData;
	const output = (nodeName: string, outputIndex = 0) => {
		const taskData = runData[nodeName];
		if (!taskData) return [];
		return taskData.flatMap((task) => task.data?.main?.[outputIndex] ?? []);
	};
	return {
		run,
		output,
		json: (nodeName, outputIndex = 0) => output(nodeName, outputIndex).map((item) => item.json),
		error: run.data.resultData.error as Error | undefined,
		executedNodes: Object.keys(runData),
		staticData: workflow.staticData as IDataObject,
	};
}

/** The Manual Trigger every test workflow starts from (name "Start"). */
export const START_NODE: INode = {
	id: 'start',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
