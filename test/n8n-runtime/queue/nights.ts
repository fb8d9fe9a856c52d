/**
 * A "night" for many published workflows at once, through the main's REST API: publish them all
 * (their schedules fire every few seconds instead of nightly, all on the same tick), unpublish
 * each as soon as its run has started, so that each runs exactly once, and wait for the runs.
 * The runs are production runs (mode "trigger"), which in queue mode the workers run.
 */
import type { ExecutionRecord, ExecutionStatus, N8nRest } from '../n8nRest';

const FINISHED: ExecutionStatus[] = ['success', 'error', 'crashed', 'canceled'];
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Publishes the workflows and unpublishes each once its first run has started; resolves with
 * that run's execution id per workflow id.
 */
export async function startNight(
	rest: N8nRest,
	workflowIds: readonly string[],
	timeoutMs = 90_000,
): Promise<Map<string, string>> {
	const known = new Set((await rest.listExecutions()).map((execution) => execution.id));
	await Promise.all(workflowIds.map((id) => rest.activateWorkflow(id)));
	const started = new Map<string, string>();
	const deadline = Date.now() + timeoutMs;
	while (started.size < workflowIds.length) {
		if (Date.now() > deadline) {
			await Promise.all(
				workflowIds.map((id) => rest.deactivateWorkflow(id).catch(() => undefined)),
			);
			throw new Error(
				`Only ${started.size} of ${workflowIds.length} published workflows started a run within ${timeoutMs} ms`,
			);
		}
		const fresh = (await rest.listExecutions()).filter((execution) => !known.has(execution.id));
		fresh.sort((a, b) => Number(a.id) - Number(b.id));
		const firstRuns = fresh.filter(
			(execution) =>
				workflowIds.includes(execution.workflowId) && !started.has(execution.workflowId),
		);
		for (const execution of firstRuns)
			if (!started.has(execution.workflowId)) started.set(execution.workflowId, execution.id);
		await Promise.all(
			[...new Set(firstRuns.map((execution) => execution.workflowId))].map((id) =>
				rest.deactivateWorkflow(id),
			),
		);
		await pause(300);
	}
	return started;
}

/** Waits until every one of the executions has finished; answers them with their data. */
export async function finishNight(
	rest: N8nRest,
	executionIds: Iterable<string>,
	timeoutMs = 300_000,
): Promise<ExecutionRecord[]> {
	const wanted = new Set(executionIds);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const open = (await rest.listExecutions()).filter(
			(execution) => wanted.has(execution.id) && !FINISHED.includes(execution.status),
		);
		if (open.length === 0) break;
		if (Date.now() > deadline)
			throw new Error(
				`Executions ${open.map((execution) => `${execution.id} (${execution.status})`).join(', ')} still open after ${timeoutMs} ms`,
			);
		await pause(500);
	}
	return await Promise.all([...wanted].map((id) => rest.getExecution(id)));
}

/**
 * One run of each workflow, started together; resolves when all have finished. A schedule that
 * fired again before its workflow was unpublished makes an extra run: it is waited for too, and
 * counted.
 */
export async function runNight(rest: N8nRest, workflowIds: readonly string[]): Promise<Night> {
	const started = await startNight(rest, workflowIds);
	const executions = await finishNight(rest, started.values());
	const firstId = Math.min(...[...started.values()].map(Number));
	const extra = (await rest.listExecutions()).filter(
		(execution) =>
			workflowIds.includes(execution.workflowId) &&
			Number(execution.id) > firstId &&
			![...started.values()].includes(execution.id),
	);
	await finishNight(
		rest,
		extra.map((execution) => execution.id),
	);
	return { ...describeNight(executions), extraRuns: extra.length };
}

export interface Night {
	/** The night's run of each workflow. */
	executions: ExecutionRecord[];
	/** From the first run's start to the last run's end, in seconds. */
	wallSeconds: number;
	/** Runs beyond one per workflow (a schedule that fired twice). */
	extraRuns: number;
}

export function describeNight(executions: ExecutionRecord[]): Omit<Night, 'extraRuns'> {
	const starts = executions.map((execution) => Date.parse(execution.startedAt));
	const stops = executions.map((execution) =>
		Date.parse(execution.stoppedAt ?? execution.startedAt),
	);
	return { executions, wallSeconds: (Math.max(...stops) - Math.min(...starts)) / 1000 };
}
