/** What the real-n8n benches share: their numeric options, the median, and one green production night. */
import { productionRuns } from '../n8n-runtime/goPublicStage';
import type { ExecutionRecord } from '../n8n-runtime/n8nRest';
import type { RealN8n, WorkflowJson } from '../n8n-runtime/realN8n';

/** `--name=value` on the command line, or the fallback. */
export function option(name: string, fallback: number): number {
	const given = process.argv.find((arg) => arg.startsWith(`--${name}=`));
	return given ? Number(given.slice(name.length + 3)) : fallback;
}

export const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Seconds between scheduled runs in a bench: far longer than unpublishing takes on a busy machine. */
export const BENCH_SCHEDULE_SECONDS = 30;

/**
 * One green production run of the workflow that ran alone. A second run the schedule started
 * before the workflow was unpublished would share the machine and change the night's figures.
 */
export async function greenNight(n8n: RealN8n, workflow: WorkflowJson): Promise<ExecutionRecord> {
	const runs = await productionRuns(n8n, workflow, 1);
	const failed = runs.find((execution) => execution.status !== 'success');
	if (failed)
		throw new Error(`"${workflow.name}" ended ${failed.status}: see execution ${failed.id}`);
	if (runs.length > 1)
		throw new Error(
			`"${workflow.name}" ran ${runs.length} times at once: its figures would mislead`,
		);
	return runs[0];
}
