/**
 * The editor's own REST API (/rest/…), used with an owner session the way the editor uses it.
 * What works in n8n 2.41.1 (found by reading its source and trying):
 *  - POST /rest/owner/setup {email, firstName, lastName, password} creates the owner on a fresh
 *    instance (no auth needed) and answers with the session cookie `n8n-auth`. The cookie is bound
 *    to the `browser-id` header sent with the request that issued it, so every request here sends
 *    the same browser-id.
 *  - POST /rest/workflows/:id/run {triggerToStartFrom: {name}} is the editor's "Execute workflow"
 *    button: it runs the stored workflow from that trigger in manual mode, also for a Schedule
 *    Trigger (which emits one item with the current time), and answers {executionId} at once.
 *    Manual executions are saved (EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS defaults to true) and show
 *    in the editor's executions list. `n8n execute` (CLI) cannot do this: it only starts from a
 *    Manual Trigger or an Execute Workflow Trigger ("Missing node to start execution").
 *  - POST /rest/workflows/:id/activate {versionId} is 2.x's "Publish" while the server runs (the
 *    CLI's publish:workflow wants the server stopped); a Schedule Trigger then fires on its own and
 *    its runs have mode "trigger" (production: workflow static data is kept). For a test, give the
 *    trigger a seconds interval, activate, wait for the new execution, deactivate.
 *  - GET /rest/executions/:id answers the execution with `data` serialised by `flatted`
 *    (parsed here with the copy inside the n8n runtime).
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface OwnerLogin {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** Demo-only values: every instance is a throwaway one on 127.0.0.1. */
export const DEMO_OWNER: OwnerLogin = {
	email: 'admin@directory-sync.example',
	password: 'Demo-sync-2026',
	firstName: 'Demo',
	lastName: 'Admin',
};

export type ExecutionStatus =
	| 'new'
	| 'running'
	| 'waiting'
	| 'success'
	| 'error'
	| 'crashed'
	| 'canceled'
	| 'unknown';

export interface ExecutionRecord {
	id: string;
	status: ExecutionStatus;
	mode: string;
	finished: boolean;
	startedAt: string;
	stoppedAt?: string;
	workflowId: string;
	/** n8n's IRunExecutionData, parsed. */
	data: {
		resultData: {
			runData: Record<string, Array<RunDataEntry>>;
			error?: { message: string; description?: string; node?: { name: string } };
			lastNodeExecuted?: string;
		};
	};
}

/** An execution as the executions list shows it (without its data). */
export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: ExecutionStatus;
	mode: string;
	startedAt: string | null;
	stoppedAt: string | null;
}

export interface RunDataEntry {
	executionStatus?: string;
	error?: { message: string; description?: string };
	data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> };
}

const FINISHED: ExecutionStatus[] = ['success', 'error', 'crashed', 'canceled'];

export class N8nRest {
	private cookie = '';
	private readonly browserId = randomUUID();

	constructor(
		readonly url: string,
		private readonly runtimeDir: string,
	) {}

	async setupOwner(owner: OwnerLogin): Promise<void> {
		await this.request('POST', '/rest/owner/setup', owner);
	}

	async login(email: string, password: string): Promise<void> {
		await this.request('POST', '/rest/login', { emailOrLdapLoginId: email, password });
	}

	/** Starts a manual run of a stored workflow from the named trigger; returns the execution id. */
	async runWorkflow(workflowId: string, triggerName: string): Promise<string> {
		const answer = (await this.request('POST', `/rest/workflows/${workflowId}/run`, {
			triggerToStartFrom: { name: triggerName },
		})) as { executionId?: string; waitingForWebhook?: boolean };
		if (!answer.executionId) {
			throw new Error(
				`n8n did not start workflow ${workflowId} from "${triggerName}": ${JSON.stringify(answer)}`,
			);
		}
		return answer.executionId;
	}

	/**
	 * The editor's "Publish" (2.x's activation): the workflow's triggers go live and their runs are
	 * production runs (mode "trigger"), the only ones that keep workflow static data.
	 */
	async activateWorkflow(workflowId: string): Promise<void> {
		const { versionId } = (await this.request('GET', `/rest/workflows/${workflowId}`)) as {
			versionId: string;
		};
		await this.request('POST', `/rest/workflows/${workflowId}/activate`, { versionId });
	}

	async deactivateWorkflow(workflowId: string): Promise<void> {
		await this.request('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	}

	/** Waits for an execution of the workflow whose id is not in `known` (e.g. the next scheduled run). */
	async waitForNewExecution(
		workflowId: string,
		known: readonly string[],
		timeoutMs = 120_000,
	): Promise<ExecutionRecord> {
		const deadline = Date.now() + timeoutMs;
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		for (;;) {
			const page = (await this.request('GET', `/rest/executions?limit=100&filter=${filter}`)) as {
				results: Array<{ id: string }>;
			};
			const fresh = page.results.find((execution) => !known.includes(execution.id));
			if (fresh)
				return await this.waitForExecution(fresh.id, Math.max(deadline - Date.now(), 1_000));
			if (Date.now() > deadline)
				throw new Error(`No new execution of workflow ${workflowId} after ${timeoutMs} ms`);
			await new Promise((done) => setTimeout(done, 500));
		}
	}

	async getExecution(executionId: string): Promise<ExecutionRecord> {
		const record = (await this.request('GET', `/rest/executions/${executionId}`)) as Omit<
			ExecutionRecord,
			'data'
		> & {
			data: string;
		};
		return { ...record, data: this.flatted().parse(record.data) };
	}

	async waitForExecution(executionId: string, timeoutMs = 600_000): Promise<ExecutionRecord> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const execution = await this.getExecution(executionId);
			if (FINISHED.includes(execution.status)) return execution;
			if (Date.now() > deadline)
				throw new Error(`Execution ${executionId} still ${execution.status} after ${timeoutMs} ms`);
			await new Promise((done) => setTimeout(done, 250));
		}
	}

	/** Ids of the saved executions, newest first (the editor's executions list). */
	async listExecutionIds(): Promise<string[]> {
		return (await this.listExecutions()).map((execution) => execution.id);
	}

	/**
	 * The saved executions without their data, running ones too (the editor's executions list).
	 * n8n 2.41 pages with an opaque `cursor` (the answer's nextCursor); the older lastId is refused.
	 */
	async listExecutions(): Promise<ExecutionSummary[]> {
		const byId = new Map<string, ExecutionSummary>();
		let cursor: string | null = null;
		do {
			const next: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
			const page = (await this.request('GET', `/rest/executions?limit=100${next}`)) as {
				results: ExecutionSummary[];
				nextCursor?: string | null;
			};
			for (const execution of page.results) {
				byId.set(String(execution.id), {
					...execution,
					id: String(execution.id),
					workflowId: String(execution.workflowId),
				});
			}
			cursor = page.nextCursor ?? null;
		} while (cursor);
		return [...byId.values()];
	}

	/**
	 * A GET that could not connect is tried again for up to a minute: while n8n works through a
	 * large night (20,000 members) its event loop can be busy for longer than fetch waits to connect.
	 */
	private async send(method: string, path: string, body?: unknown): Promise<Response> {
		const init = {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		};
		const deadline = Date.now() + 60_000;
		for (;;) {
			try {
				return await fetch(`${this.url}${path}`, init);
			} catch (error) {
				if (method !== 'GET' || Date.now() > deadline) throw error;
				await new Promise((done) => setTimeout(done, 1_000));
			}
		}
	}

	/** GET/POST/PATCH under /rest; answers n8n's `data` field. */
	async request(method: string, path: string, body?: unknown): Promise<unknown> {
		const response = await this.send(method, path, body);
		const setCookie = response.headers.get('set-cookie');
		const auth = setCookie?.match(/n8n-auth=[^;]*/);
		if (auth) this.cookie = auth[0];
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
		return text ? (JSON.parse(text) as { data: unknown }).data : undefined;
	}

	private flatted(): { parse(text: string): ExecutionRecord['data'] } {
		return createRequire(join(this.runtimeDir, 'node_modules/n8n/package.json'))('flatted');
	}
}

/** Output items of a node in a finished execution (first run, given output). */
export function nodeOutput(
	execution: ExecutionRecord,
	nodeName: string,
	outputIndex = 0,
): Array<Record<string, unknown>> {
	const runs = execution.data.resultData.runData[nodeName];
	if (!runs) return [];
	return (runs[0].data?.main[outputIndex] ?? []).map((item) => item.json);
}
