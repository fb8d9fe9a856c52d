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

/** One production run of the workflow; a bench measures green nights only. */
export async function greenNight(n8n: RealN8n, workflow: WorkflowJson): Promise<ExecutionRecord> {
	const [execution] = await productionRuns(n8n, workflow, 1);
	if (execution.status !== 'success')
		throw new Error(`"${workflow.name}" ended ${execution.status}: see execution ${execution.id}`);
	return execution;
}
