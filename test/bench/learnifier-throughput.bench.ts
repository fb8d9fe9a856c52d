/**
 * Learnifier node throughput and safety figures (a script, not a test):
 *
 *   node --import tsx test/bench/learnifier-throughput.bench.ts [paced|faulty]   (default: both)
 *
 * paced:  2,000 creates through the node in the engine against a simulator that allows 25
 *         requests/s, node option Requests Per Second 25. The floor is 2,000 / 25 = 80 s;
 *         the target is at most 1.15 × 80 = 92 s, with no 429 storm.
 * faulty: the same 2,000 creates, no rate limit, but 35 % of answers fail: 30 % are 429
 *         (Retry-After 1 s) and 5 % are 503. Every user must exist exactly once afterwards.
 */
import type { FaultSettings } from '../simulators/kit/faults';
import {
	startLearnifierSimulator,
	type LearnifierSimulator,
} from '../simulators/learnifier/learnifierSimulator';
import { LEARNIFIER, runLearnifier } from '../engine/workflows/learnifierWorkflow';

const CREATES = 2000;
const people = Array.from({ length: CREATES }, (_, i) => ({
	id: `bench-${i}`,
	first: 'Bench',
	last: `Person ${i}`,
}));

const createParameters = (options: Record<string, number>) => ({
	operation: 'create',
	externalId: '={{ $json.id }}',
	firstName: '={{ $json.first }}',
	lastName: '={{ $json.last }}',
	primaryEmail: '={{ $json.id }}@bench.example.se',
	options,
});

async function measure(
	name: string,
	faults: Partial<FaultSettings>,
	options: Record<string, number>,
) {
	const sim: LearnifierSimulator = await startLearnifierSimulator();
	sim.setFaults(faults);
	const started = performance.now();
	const result = await runLearnifier(sim, createParameters(options), { items: people });
	const seconds = (performance.now() - started) / 1000;
	const byStatus = new Map<number, number>();
	for (const request of sim.requests)
		byStatus.set(request.status, (byStatus.get(request.status) ?? 0) + 1);
	const perExternalId = new Map<string, number>();
	for (const user of sim.state.users.all())
		perExternalId.set(user.externalId!, (perExternalId.get(user.externalId!) ?? 0) + 1);
	const missing = people.filter((p) => !perExternalId.has(p.id)).length;
	const twice = [...perExternalId.values()].filter((n) => n > 1).length;
	const hint =
		result.run.data.resultData.runData[LEARNIFIER]?.[0]?.hints?.[0]?.message ?? '(no retries)';
	console.log(`\n${name}`);
	console.log(
		`  node options: ${JSON.stringify(options)}; simulator faults: ${JSON.stringify(faults)}`,
	);
	console.log(
		`  wall time: ${seconds.toFixed(1)} s${result.error ? `; run failed: ${result.error.message}` : ''}`,
	);
	console.log(
		`  output items: ${result.json(LEARNIFIER).length}; users in simulator: ${sim.state.users.size}`,
	);
	console.log(
		`  requests seen by simulator: ${sim.requests.length}; by status: ${JSON.stringify(Object.fromEntries(byStatus))}`,
	);
	console.log(`  node's counters: ${hint}`);
	console.log(
		`  created exactly once: ${CREATES - missing - twice} of ${CREATES}; missing ${missing}; more than once ${twice}`,
	);
	await sim.close();
	return seconds;
}

async function main() {
	const which = process.argv[2] ?? 'both';
	if (which === 'paced' || which === 'both') {
		const seconds = await measure(
			`(a) ${CREATES} creates, simulator limited to 25 requests/s, node capped at 25/s`,
			{ rateLimitPerSecond: 25 },
			{ requestsPerSecond: 25 },
		);
		const floor = CREATES / 25;
		console.log(
			`  vs the ${floor} s minimum: ${(seconds / floor).toFixed(3)}× (target ≤ 1.15×, i.e. ≤ ${floor * 1.15} s)`,
		);
	}
	if (which === 'faulty' || which === 'both') {
		await measure(
			`(b) ${CREATES} creates, 30 % of answers 429 (Retry-After 1 s) and 5 % 503, no rate limit`,
			{
				errorShare: 0.35,
				errorStatuses: [429, 429, 429, 429, 429, 429, 503],
				retryAfterSeconds: 1,
				seed: 2026,
			},
			{ concurrency: 16, maxRetryWaitSeconds: 5 },
		);
	}
}

void main();
