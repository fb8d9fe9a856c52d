/**
 * `npm run bench`: Reconcile against n8n's Compare Datasets and a bare Map diff on the same
 * synthetic people (benchPeople.ts). Every measurement runs in a fresh child process
 * (measureOnce.ts) so its peak RSS is its own and Compare Datasets can be killed at the cap.
 *
 *   BENCH_CAP_SECONDS=120   time cap for one Compare Datasets run
 *   BENCH_SIZES=10000,...   records per side (default below)
 *   BENCH_ENGINES=bare,plan  only these engines (default: all four)
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const CAP_SECONDS = Number(process.env.BENCH_CAP_SECONDS ?? 120);
const SIZES = (process.env.BENCH_SIZES ?? '10000,20000,40000,100000,200000,500000,1000000')
	.split(',')
	.map(Number);
const COMPARE_DATASETS_SIZES = new Set([10_000, 20_000, 40_000, 100_000]);
const ONLY_ENGINES = process.env.BENCH_ENGINES?.split(',');
const ENGINES = {
	bare: 'bare Map diff (floor)',
	plan: 'planChanges (pure)',
	reconcile: 'Reconcile node, engine run',
	compareDatasets: 'Compare Datasets node, engine run',
} as const;
type EngineName = keyof typeof ENGINES;

interface Measurement {
	engine: EngineName;
	size: number;
	ms: number;
	nodeMs?: number;
	maxRssMB: number;
	runs: number;
	counts: Record<string, number>;
}
type Outcome = Measurement | { overCap: true } | { failed: string };

function measure(engine: EngineName, size: number, capSeconds = 600): Promise<Outcome> {
	const script = join(__dirname, 'measureOnce.ts');
	const child = spawn(
		process.execPath,
		['--import', 'tsx', '--expose-gc', script, engine, String(size)],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	child.stderr.on('data', (chunk) => (stderr += chunk));
	let overCap = false;
	const timer = setTimeout(() => {
		overCap = true;
		child.kill('SIGKILL');
	}, capSeconds * 1000);
	return new Promise((resolve) => {
		child.on('close', (code) => {
			clearTimeout(timer);
			if (overCap) return resolve({ overCap: true });
			const line = stdout.trim().split('\n').pop() ?? '';
			if (code !== 0 || !line.startsWith('{'))
				return resolve({ failed: `exit ${code}: ${stderr.slice(-400)}` });
			resolve(JSON.parse(line) as Measurement);
		});
	});
}

const isMeasured = (outcome: Outcome | undefined): outcome is Measurement =>
	outcome !== undefined && 'ms' in outcome;
const fmt = (n: number, digits = 0) =>
	n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a: Outcome | undefined, b: Outcome | undefined) =>
	isMeasured(a) && isMeasured(b) ? `${fmt(a.ms / b.ms, 2)}x` : '—';

const results = new Map<string, Outcome>();
const resultOf = (engine: EngineName, size: number) => results.get(`${engine}:${size}`);

function printSize(size: number) {
	console.log(`\n== ${fmt(size)} records per side (${fmt(2 * size)} records) ==`);
	const header = ['engine', 'wall ms', 'node ms', 'peak RSS MB', 'records/s', 'x time at n/2'];
	const rows: string[][] = [header];
	for (const engine of Object.keys(ENGINES) as EngineName[]) {
		const outcome = resultOf(engine, size);
		if (outcome === undefined) continue;
		if (!isMeasured(outcome)) {
			rows.push([
				ENGINES[engine],
				'overCap' in outcome ? `over cap (${CAP_SECONDS} s)` : 'failed',
				'',
				'',
				'',
				'',
			]);
			continue;
		}
		rows.push([
			ENGINES[engine],
			fmt(outcome.ms),
			outcome.nodeMs === undefined ? '—' : fmt(outcome.nodeMs),
			fmt(outcome.maxRssMB),
			fmt((2 * size) / (outcome.ms / 1000)),
			ratio(outcome, resultOf(engine, size / 2)),
		]);
	}
	const widths = header.map((_, c) => Math.max(...rows.map((row) => row[c].length)));
	for (const row of rows)
		console.log(
			row
				.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
				.join('  '),
		);
	console.log(
		`Compare Datasets / Reconcile node: ${ratio(resultOf('compareDatasets', size), resultOf('reconcile', size))}` +
			`   planChanges / bare: ${ratio(resultOf('plan', size), resultOf('bare', size))}` +
			`   Reconcile node / bare: ${ratio(resultOf('reconcile', size), resultOf('bare', size))}`,
	);
	const failures = [...results.entries()].filter(
		([key, o]) => key.endsWith(`:${size}`) && 'failed' in o,
	);
	for (const [key, outcome] of failures)
		console.log(`  ${key} failed: ${(outcome as { failed: string }).failed}`);
}

function printTargets() {
	const checks: Array<[string, boolean | undefined]> = [];
	const at = (engine: EngineName, size: number) => {
		const outcome = resultOf(engine, size);
		return isMeasured(outcome) ? outcome : undefined;
	};
	const cd40 = resultOf('compareDatasets', 40_000);
	const node40 = at('reconcile', 40_000);
	checks.push([
		'>= 300x faster than Compare Datasets at 40k',
		node40 && cd40
			? (isMeasured(cd40) ? cd40.ms : CAP_SECONDS * 1000) / node40.ms >= 300
			: undefined,
	]);
	const planRatios = SIZES.map((size) => [at('plan', size), at('bare', size)]).filter(
		([p, b]) => p && b,
	);
	checks.push([
		'planChanges within 1.5x of the bare diff (every size)',
		planRatios.length ? planRatios.every(([p, b]) => p!.ms <= 1.5 * b!.ms) : undefined,
	]);
	const node100k = at('reconcile', 100_000);
	checks.push(['node through the engine at 100k x 100k under 2 s', node100k && node100k.ms < 2000]);
	const node1M = at('reconcile', 1_000_000);
	checks.push(['1M x 1M in at most 5 s', node1M && node1M.ms <= 5000]);
	checks.push(['1M x 1M in at most 1.5 GB RSS', node1M && node1M.maxRssMB <= 1536]);
	const doublings = SIZES.filter((size) => at('reconcile', size) && at('reconcile', size / 2)).map(
		(size) => at('reconcile', size)!.ms / at('reconcile', size / 2)!.ms,
	);
	checks.push([
		`doubling the input at most 2.3x the time (node: ${doublings.map((d) => fmt(d, 2)).join(', ')})`,
		doublings.length ? doublings.every((d) => d <= 2.3) : undefined,
	]);
	console.log('\nTargets');
	for (const [name, ok] of checks)
		console.log(`  ${ok === undefined ? 'n/a ' : ok ? 'PASS' : 'FAIL'}  ${name}`);
}

async function main() {
	console.log(
		`Reconcile benchmark: ${process.version}, load average ${loadavg()
			.map((l) => fmt(l, 1))
			.join(' ')}. ` +
			'Times are the timed call only (data generation excluded); up to 200k the best of 5 runs after 3 warm-up runs, above one run; ' +
			'"engine run" is the whole runWorkflow() call, "node ms" the node execution time the engine recorded. ' +
			'Peak RSS is the whole child process, including the generated data. records/s counts both sides.',
	);
	const wanted = (engine: EngineName) =>
		ONLY_ENGINES === undefined || ONLY_ENGINES.includes(engine);
	for (const size of SIZES) {
		for (const engine of ['bare', 'plan', 'reconcile'] as const) {
			if (wanted(engine)) results.set(`${engine}:${size}`, await measure(engine, size));
		}
		if (COMPARE_DATASETS_SIZES.has(size) && wanted('compareDatasets')) {
			results.set(`compareDatasets:${size}`, await measure('compareDatasets', size, CAP_SECONDS));
		}
		printSize(size);
	}
	printTargets();
}

void main();
