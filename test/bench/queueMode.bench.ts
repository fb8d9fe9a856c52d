/**
 * Queue-mode throughput (a script, not a test; figures are printed, never asserted):
 *
 *   npm run bench:queue [-- --people=200 --customers=1,20 --workers=1,2 --concurrency=10]
 *
 * For each number of workers, real n8n 2.41.1 in queue mode (Postgres 17, Redis, one main, the
 * workers at the given concurrency) runs the Admentum → Learnifier template's first night (every
 * person is created) for one customer alone, then for all customers at once, each customer with
 * its own tenant whose Learnifier allows 10 requests a second. Wall time is from the first run's
 * start to the last run's end, as n8n recorded them; the ratio is that of all customers' time to
 * one customer's, with the same workers.
 */
import { ensureRuntime } from '../n8n-runtime/ensureRuntime';
import { ensureRedis } from '../n8n-runtime/ensureRedis';
import { printProgress } from '../n8n-runtime/progress';
import { startQueueMode } from '../n8n-runtime/queueMode';
import { importCustomerCopies } from '../n8n-runtime/queue/customerCopies';
import { runNight } from '../n8n-runtime/queue/nights';
import { convergenceProblems, startTenants } from '../n8n-runtime/queue/tenants';

const LEARNIFIER_REQUESTS_PER_SECOND = 10;
const SCHEDULE_SECONDS = 10;

interface Row {
	workers: number;
	customers: number;
	people: number;
	wallSeconds: number;
	green: number;
	converged: number;
}

function option(name: string, fallback: string): string {
	const given = process.argv.find((arg) => arg.startsWith(`--${name}=`));
	return given ? given.slice(name.length + 3) : fallback;
}

const numbers = (text: string) => text.split(',').map(Number);

async function main() {
	const people = Number(option('people', '200'));
	const customerCounts = numbers(option('customers', '1,20'));
	const workerCounts = numbers(option('workers', '1,2'));
	const concurrency = Number(option('concurrency', '10'));
	const redis = await ensureRedis();
	if (!redis.available) throw new Error(`The queue-mode benchmark needs Redis: ${redis.reason}`);
	const runtime = await ensureRuntime();
	const rows: Row[] = [];
	for (const workers of workerCounts) {
		const queue = await startQueueMode({
			runtime,
			redisServer: redis.redisServer,
			workers,
			concurrency,
		});
		try {
			for (const customers of customerCounts) {
				// Learnifier starts with no user of the customer's: the first night creates everyone.
				const tenants = await startTenants(customers, {
					people,
					drift: { joiners: people },
					learnifierRequestsPerSecond: LEARNIFIER_REQUESTS_PER_SECOND,
				});
				try {
					const syncs = await importCustomerCopies(
						queue.main,
						tenants.list,
						'admentum-to-learnifier.json',
						{
							scheduleSeconds: SCHEDULE_SECONDS,
						},
					);
					const night = await runNight(
						queue.main.rest,
						syncs.map((workflow) => String(workflow.id)),
					);
					const row: Row = {
						workers,
						customers,
						people,
						wallSeconds: night.wallSeconds,
						green: night.executions.filter((execution) => execution.status === 'success').length,
						converged: tenants.list.filter((tenant) => convergenceProblems(tenant).length === 0)
							.length,
					};
					rows.push(row);
					printProgress(
						`bench: ${workers} worker(s), ${customers} customer(s) × ${people} people: ${row.wallSeconds.toFixed(1)} s, ${row.green} green, ${row.converged} converged`,
					);
				} finally {
					await tenants.close();
				}
			}
		} finally {
			await queue.stop();
		}
	}
	printTable(rows, concurrency);
}

function printTable(rows: Row[], concurrency: number) {
	const alone = (workers: number) =>
		rows.find((row) => row.workers === workers && row.customers === 1)?.wallSeconds;
	const lines = [
		`Queue mode, Admentum → Learnifier first night, each Learnifier ${LEARNIFIER_REQUESTS_PER_SECOND} requests/s, workers at concurrency ${concurrency}`,
		'',
		'| workers | customers × people | wall time, first start to last stop | ratio to 1 customer | runs green | tenants converged |',
		'|---|---|---|---|---|---|',
		...rows.map((row) => {
			const one = alone(row.workers);
			const ratio = one ? (row.wallSeconds / one).toFixed(2) : '–';
			return `| ${row.workers} | ${row.customers} × ${row.people} | ${row.wallSeconds.toFixed(1)} s | ${ratio} | ${row.green}/${row.customers} | ${row.converged}/${row.customers} |`;
		}),
	];
	process.stdout.write(`\n${lines.join('\n')}\n`);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});
