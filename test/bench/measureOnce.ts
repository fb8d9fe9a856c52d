/**
 * One benchmark measurement in a fresh process, so its peak RSS is its own:
 *   node --import tsx --expose-gc test/bench/measureOnce.ts <engine> <size>
 * Prints one JSON line: { engine, size, runs, ms, nodeMs, maxRssMB, dataRssMB, counts }; dataRssMB
 * is the RSS once the generated records exist, before the timed call. `ms` is the timed
 * call only (data generation and pinning excluded), the best of `runs`; for the engine runs it is
 * the whole runWorkflow() call, and `nodeMs` the node's own execution time as the engine recorded it.
 */
import { runWorkflow } from '../engine/runWorkflow';
import { planChanges } from '../../nodes/Reconcile/planChanges';
import { reconcileWorkflow, twoInputWorkflow } from '../engine/workflows/reconcileWorkflow';
import { bareDiff } from './bareDiff';
import { benchPeople, type BenchPeople } from './benchPeople';

type Counts = Record<string, number>;
type Engine = (people: BenchPeople) => Promise<{ counts: Counts; nodeMs?: number; ms?: number }>;

const fields = [
	{ sourceField: 'firstName', targetField: 'firstName', ignoreCase: false },
	{ sourceField: 'lastName', targetField: 'lastName', ignoreCase: false },
	{ sourceField: 'email', targetField: 'primaryEmail', ignoreCase: true },
];

/** Times only the runWorkflow() call; reading the outputs afterwards is not the node's cost. */
async function runNode(
	workflow: ReturnType<typeof reconcileWorkflow>,
	nodeName: string,
	outputs: string[],
) {
	const started = performance.now();
	const result = await runWorkflow(workflow);
	const ms = performance.now() - started;
	if (result.error) throw result.error;
	const counts: Counts = {};
	outputs.forEach((output, index) => (counts[output] = result.output(nodeName, index).length));
	return { ms, counts, nodeMs: result.run.data.resultData.runData[nodeName][0].executionTime };
}

const engines: Record<string, Engine> = {
	bare: async ({ source, target }) => {
		const diff = bareDiff(source, target);
		return {
			counts: {
				create: diff.create.length,
				update: diff.update.length,
				delete: diff.delete.length,
				unchanged: diff.unchanged.length,
			},
		};
	},
	plan: async ({ source, target }) => {
		const plan = planChanges(source, target, {
			sourceKeyField: 'externalId',
			targetKeyField: 'externalId',
			ignoreKeyCase: false,
			fields,
			treatEmptyAsMissing: true,
			ignoreTargetsWithoutKey: true,
		});
		return {
			counts: {
				create: plan.create.length,
				update: plan.update.length,
				delete: plan.delete.length,
				unchanged: plan.unchanged.length,
				skipped: plan.skipped.length,
			},
		};
	},
	reconcile: async ({ source, target }) => {
		const parameters = { fieldsToCompare: { fields }, options: { allowMassDeletion: true } };
		const outputs = ['create', 'update', 'delete', 'unchanged', 'skipped'];
		return await runNode(reconcileWorkflow(source, target, parameters, []), 'Reconcile', outputs);
	},
	compareDatasets: async ({ source, target }) => {
		const node = {
			name: 'Compare Datasets',
			type: 'n8n-nodes-base.compareDatasets',
			typeVersion: 2.3,
			parameters: {
				mergeByFields: { values: [{ field1: 'externalId', field2: 'externalId' }] },
				options: {},
			},
			outputs: [],
		};
		const outputs = ['inAOnly', 'same', 'different', 'inBOnly'];
		return await runNode(twoInputWorkflow(node, source, target), node.name, outputs);
	},
};

/**
 * Up to 200k records: three untimed runs at the same size first (so the JIT has compiled the hot
 * loops, as it has in a long-running n8n), then the best of five, because on a busy machine the
 * noise is larger than the work. Larger sizes and Compare Datasets: one run.
 */
const isSmall = (engineName: string, size: number) =>
	engineName !== 'compareDatasets' && size <= 200_000;

async function main() {
	const [engineName, sizeText] = process.argv.slice(2);
	const engine = engines[engineName];
	const size = Number(sizeText);
	if (!engine || !(size > 0))
		throw new Error(`usage: measureOnce.ts <${Object.keys(engines).join('|')}> <size>`);
	await engine(benchPeople(1000)); // load the modules
	const people = benchPeople(size);
	global.gc?.();
	const dataRssMB = Math.round(process.memoryUsage().rss / 2 ** 20);
	if (isSmall(engineName, size)) for (let run = 0; run < 3; run++) await engine(people);
	const runs = isSmall(engineName, size) ? 5 : 1;
	let best: { ms: number; nodeMs?: number; counts: Counts } | undefined;
	for (let run = 0; run < runs; run++) {
		global.gc?.();
		const started = performance.now();
		const outcome = await engine(people);
		const ms = outcome.ms ?? performance.now() - started;
		if (!best || ms < best.ms) best = { ...outcome, ms };
	}
	const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
	console.log(
		JSON.stringify({
			engine: engineName,
			size,
			runs,
			ms: Math.round(best!.ms),
			nodeMs: best!.nodeMs,
			maxRssMB,
			dataRssMB,
			counts: best!.counts,
		}),
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
