/**
 * What keeping the night on record costs at the size of a municipality (a script, not a test;
 * figures are printed, never asserted):
 *
 *   node --import tsx test/bench/sync-record.bench.ts [--members=20000] [--pairs=4] [--leavers=40]
 *
 * Real n8n 2.41.1 (SQLite, one process) runs workflows/hr-csv-to-gopublic.json in production
 * against the GoPublic simulator: as shipped, and without its record (Sync Record, Save History,
 * Save Removals, Saved and the two table nodes). After a first night each, nights come in pairs:
 * each pair `leavers` more members are missing from the file, both send their locks and the
 * shipped one logs them. Times are n8n's own, per execution and per node.
 */
import { writeHrCsv } from '../fixtures/hrCsv';
import { BENCH_SCHEDULE_SECONDS, greenNight, median, option } from './benchArgs';
import { executionSeconds, startGoPublicStage } from '../n8n-runtime/goPublicStage';
import type { ExecutionRecord } from '../n8n-runtime/n8nRest';
import type { WorkflowJson } from '../n8n-runtime/realN8n';

const RECORD_NODES = [
	'History Table',
	'Removal Log Table',
	'Sync Record',
	'Save History',
	'Save Removals',
	'Saved',
];

type Connections = Record<
	string,
	{ main: Array<Array<{ node: string; type: string; index: number }>> }
>;

/** The template as it was before the record: the memory's save goes straight to Wait For. */
function withoutRecord(workflow: WorkflowJson): WorkflowJson {
	const connections = structuredClone(workflow.connections) as Connections;
	connections['Customer Settings'] = connections['Removal Log Table'];
	connections['Save Memory'] = { main: [[{ node: 'Sync Summary', type: 'main', index: 1 }]] };
	for (const name of RECORD_NODES) delete connections[name];
	for (const outputs of Object.values(connections))
		outputs.main = outputs.main.map((targets) =>
			targets.filter((target) => !RECORD_NODES.includes(target.node)),
		);
	return {
		...workflow,
		nodes: workflow.nodes.filter((node) => !RECORD_NODES.includes(node.name)),
		connections: connections as WorkflowJson['connections'],
	};
}

/** Seconds the record's nodes took in an execution, together. */
function recordSeconds(execution: ExecutionRecord): number {
	const runData = execution.data.resultData.runData as Record<
		string,
		Array<{ executionTime?: number }>
	>;
	return (
		RECORD_NODES.reduce((sum, name) => sum + (runData[name]?.[0]?.executionTime ?? 0), 0) / 1000
	);
}

/** A node's output items in an execution. */
function nodeItems(execution: ExecutionRecord, name: string): Array<Record<string, unknown>> {
	const run = execution.data.resultData.runData[name]?.[0];
	return (run?.data?.main[0] ?? []).map((item) => item.json);
}

async function main() {
	const members = option('members', 20_000);
	const pairs = option('pairs', 4);
	const leavers = option('leavers', 40);
	const stage = await startGoPublicStage();
	try {
		const rows = stage.rows(members);
		writeHrCsv(stage.csvFile, rows);
		const shipped = await stage.importHrWorkflow({
			memory: true,
			everySeconds: BENCH_SCHEDULE_SECONDS,
		});
		const bare = await stage.importHrWorkflow({
			memory: true,
			everySeconds: BENCH_SCHEDULE_SECONDS,
			change: withoutRecord,
		});
		const first = {
			shipped: await greenNight(stage.n8n, shipped),
			bare: await greenNight(stage.n8n, bare),
		};
		const runs: { shipped: ExecutionRecord[]; bare: ExecutionRecord[] } = { shipped: [], bare: [] };
		for (let pair = 1; pair <= pairs; pair++) {
			writeHrCsv(stage.csvFile, rows.slice(0, members - pair * leavers));
			// The shipped one first: the other then sends the same locks and GoPublic answers
			// "unchanged" (already locked), so only the shipped one has removals to log.
			runs.shipped.push(await greenNight(stage.n8n, shipped));
			runs.bare.push(await greenNight(stage.n8n, bare));
		}
		const withRecord = median(runs.shipped.map(executionSeconds));
		const without = median(runs.bare.map(executionSeconds));
		const nodes = median(runs.shipped.map(recordSeconds));
		const logged = runs.shipped.map(
			(execution) =>
				execution.data.resultData.runData['Save Removals']?.[0]?.data?.main[0]?.length ?? 0,
		);
		const which = (execution: ExecutionRecord) =>
			runs.shipped.includes(execution) ? 'as shipped' : 'without the record';
		for (const execution of [...runs.shipped, ...runs.bare]) {
			const [summary] = nodeItems(execution, 'Sync Summary');
			console.log(
				`${which(execution)} night, execution ${execution.id}: ${String(summary?.summary)}`,
			);
		}
		console.log(
			`\nThe night on record at ${members.toLocaleString('en-US')} members (real n8n, one process, SQLite)`,
		);
		console.log("| night | as shipped | without the record | the record's nodes |");
		console.log('|---|---|---|---|');
		console.log(
			`| first (all created) | ${executionSeconds(first.shipped).toFixed(1)} s | ${executionSeconds(first.bare).toFixed(1)} s | ${recordSeconds(first.shipped).toFixed(2)} s |`,
		);
		console.log(
			`| ${leavers} leavers locked (median of ${pairs}) | ${withRecord.toFixed(1)} s | ${without.toFixed(1)} s | ${nodes.toFixed(2)} s |`,
		);
		console.log(
			`\nThe record's nodes take ${((nodes / withRecord) * 100).toFixed(2)} % of a night (${nodes.toFixed(2)} s of ${withRecord.toFixed(1)} s; ` +
				`removal log rows per night: ${logged.join(', ')}). Whole nights, with: ${runs.shipped.map((e) => executionSeconds(e).toFixed(1)).join(', ')} s; ` +
				`without: ${runs.bare.map((e) => executionSeconds(e).toFixed(1)).join(', ')} s (median difference ${(((withRecord - without) / without) * 100).toFixed(1)} %).`,
		);
	} finally {
		await stage.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
