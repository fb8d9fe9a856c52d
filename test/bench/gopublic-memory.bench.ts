/**
 * What "Lock Members That Left" costs at the size of a municipality (a script, not a test; figures
 * are printed, never asserted):
 *
 *   node --import tsx test/bench/gopublic-memory.bench.ts [--members=20000] [--quiet=3]
 *
 * Real n8n 2.41.1 (SQLite, one process) runs workflows/hr-csv-to-gopublic.json in production
 * against the GoPublic simulator (no rate limit): the first night (every member created), then
 * quiet nights (nothing changed) of the template as shipped and of the same template without its
 * memory (no Data table nodes, nobody locked), alternately. Times are n8n's own, per execution;
 * what a night wrote is counted where it landed: GoPublic's requests, and the rows each of the
 * template's Data table saves put out (memory, Sync history, Removal log).
 */
import { writeHrCsv } from '../fixtures/hrCsv';
import { BENCH_SCHEDULE_SECONDS, greenNight, median, option } from './benchArgs';
import { executionSeconds, startGoPublicStage } from '../n8n-runtime/goPublicStage';
import type { ExecutionRecord } from '../n8n-runtime/n8nRest';

/** A node's time in an execution, in seconds, and how many items it put out. */
function nodeRun(execution: ExecutionRecord, name: string) {
	const run = execution.data.resultData.runData[name]?.[0] as
		| { executionTime?: number; data?: { main: unknown[][] } }
		| undefined;
	return { seconds: (run?.executionTime ?? 0) / 1000, items: run?.data?.main[0]?.length ?? 0 };
}

/** What a night of the shipped template wrote: to GoPublic, and to each of its Data Tables. */
function writes(execution: ExecutionRecord, requests: number[]) {
	const members = requests.reduce((sum, size) => sum + size, 0);
	return (
		`${requests.length} (${members.toLocaleString('en-US')} members) | ` +
		['Save Memory', 'Save History', 'Save Removals']
			.map((name) => nodeRun(execution, name).items)
			.join(' | ')
	);
}

async function main() {
	const members = option('members', 20_000);
	const quietNights = option('quiet', 3);
	const stage = await startGoPublicStage();
	try {
		writeHrCsv(stage.csvFile, stage.rows(members));
		const withMemory = await stage.importHrWorkflow({
			memory: true,
			everySeconds: BENCH_SCHEDULE_SECONDS,
		});
		const without = await stage.importHrWorkflow({
			memory: false,
			everySeconds: BENCH_SCHEDULE_SECONDS,
		});

		const sent = stage.goPublic.state.batchSizes;
		const first = await greenNight(stage.n8n, withMemory);
		const firstRequests = sent.slice();
		const quiet: { memory: ExecutionRecord[]; none: ExecutionRecord[] } = { memory: [], none: [] };
		let lastQuietRequests: number[] = [];
		for (let i = 0; i < quietNights; i++) {
			const before = sent.length;
			quiet.memory.push(await greenNight(stage.n8n, withMemory));
			lastQuietRequests = sent.slice(before);
			quiet.none.push(await greenNight(stage.n8n, without));
		}
		const withSeconds = median(quiet.memory.map(executionSeconds));
		const withoutSeconds = median(quiet.none.map(executionSeconds));
		const lastQuiet = quiet.memory[quiet.memory.length - 1];
		const saved = nodeRun(lastQuiet, 'Save Memory');
		const firstSaved = nodeRun(first, 'Save Memory');
		console.log(
			`\nGoPublic memory at ${members.toLocaleString('en-US')} members (real n8n, one process, SQLite)`,
		);
		console.log(
			'| night | time | GoPublic requests (members sent) | memory rows | Sync history rows | Removal log rows | Read Memory | Save Memory |',
		);
		console.log('|---|---|---|---|---|---|---|---|');
		console.log(
			`| first (all created) | ${executionSeconds(first).toFixed(1)} s | ${writes(first, firstRequests)} | ${nodeRun(first, 'Read Memory').seconds.toFixed(2)} s | ${firstSaved.seconds.toFixed(2)} s |`,
		);
		console.log(
			`| quiet, as shipped (median of ${quietNights}) | ${withSeconds.toFixed(1)} s | ${writes(lastQuiet, lastQuietRequests)} | ${nodeRun(lastQuiet, 'Read Memory').seconds.toFixed(2)} s | ${saved.seconds.toFixed(2)} s |`,
		);
		console.log(
			`| quiet, without the memory (median of ${quietNights}) | ${withoutSeconds.toFixed(1)} s | – | – | – | – | – | – |`,
		);
		console.log(
			`\nThe memory adds ${(((withSeconds - withoutSeconds) / withoutSeconds) * 100).toFixed(1)} % to a quiet night ` +
				`(all quiet nights with it: ${quiet.memory.map((e) => executionSeconds(e).toFixed(1)).join(', ')} s; ` +
				`without: ${quiet.none.map((e) => executionSeconds(e).toFixed(1)).join(', ')} s).`,
		);
	} finally {
		await stage.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
