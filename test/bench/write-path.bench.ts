/**
 * The write path under pushback (a script, not a test): the Learnifier node creates users in the
 * engine against the Learnifier simulator, once per fault profile, and prints one table.
 *
 *   node --import tsx test/bench/write-path.bench.ts [profile name ...]   (default: all)
 *
 * "Minimum" is the rate-limited floor: the requests no client can avoid, divided by the limit.
 * Requests refused or dropped at random (whatever the rate) still take their place under the
 * limit, so with a random refusal share r the floor is writes ÷ (1 − r) ÷ limit; the column
 * "× writes÷limit" shows the ratio to the plain writes ÷ limit as well.
 */
import type { FaultSettings } from '../simulators/kit/faults';
import {
	startLearnifierSimulator,
	type LearnifierSimulator,
} from '../simulators/learnifier/learnifierSimulator';
import { LEARNIFIER, runLearnifier } from '../engine/workflows/learnifierWorkflow';

interface Profile {
	name: string;
	writes: number;
	/** The simulator's faults; its rateLimitPerSecond is the limit for the first half of the writes. */
	faults: Partial<FaultSettings> & { rateLimitPerSecond: number };
	/** The service's limit once half of the writes have landed (default: unchanged). */
	secondHalfLimit?: number;
	/** The node's Requests Per Second option (default 25; 0 = none: it learns from scratch). */
	nodeCap?: number;
	/** Share of requests refused or dropped at random, whatever the rate (default 0). */
	randomRefusals?: number;
}

const PROFILES: Profile[] = [
	{ name: 'clean, 25 req/s', writes: 750, faults: { rateLimitPerSecond: 25 } },
	{
		name: '25 req/s, 30 % 429 + 5 % 503',
		// As many as the issue's measurement (264 s against 80 s): the last writes' chains of 429s,
		// each waiting its Retry-After of 1 s, add a few seconds whatever the run's length.
		writes: 2000,
		faults: {
			rateLimitPerSecond: 25,
			errorShare: 0.35,
			errorStatuses: [429, 429, 429, 429, 429, 429, 503],
			retryAfterSeconds: 1,
			seed: 2026,
		},
		randomRefusals: 0.35,
	},
	{
		name: 'hard 8 req/s (not told), 5 % dropped',
		writes: 240,
		faults: { rateLimitPerSecond: 8, dropShare: 0.05, dropWhen: 'after', seed: 15 },
		nodeCap: 0,
		randomRefusals: 0.05,
	},
	{
		name: '25 → 12 req/s halfway',
		writes: 500,
		faults: { rateLimitPerSecond: 25 },
		secondHalfLimit: 12,
	},
];

const createParameters = (nodeCap: number) => ({
	operation: 'create',
	externalId: '={{ $json.id }}',
	firstName: 'Bench',
	lastName: '={{ $json.id }}',
	primaryEmail: '={{ $json.id }}@bench.example.se',
	options: { concurrency: 16, requestsPerSecond: nodeCap },
});

/** Halves (or otherwise changes) the limit once half of the writes have landed. */
function changeLimitHalfway(sim: LearnifierSimulator, profile: Profile) {
	const limit = profile.secondHalfLimit;
	if (limit === undefined) return () => {};
	const timer = setInterval(() => {
		if (sim.state.users.size < profile.writes / 2) return;
		sim.faults.changeRateLimit(limit);
		clearInterval(timer);
	}, 20);
	return () => clearInterval(timer);
}

async function measure(profile: Profile) {
	const sim = await startLearnifierSimulator();
	sim.setFaults(profile.faults);
	const items = Array.from({ length: profile.writes }, (_, i) => ({ id: `bench-${i}` }));
	const stop = changeLimitHalfway(sim, profile);
	const started = performance.now();
	const result = await runLearnifier(sim, createParameters(profile.nodeCap ?? 25), { items });
	const seconds = (performance.now() - started) / 1000;
	stop();
	const perExternalId = new Map<string, number>();
	for (const user of sim.state.users.all())
		perExternalId.set(user.externalId!, (perExternalId.get(user.externalId!) ?? 0) + 1);
	const half = profile.writes / 2;
	const first = profile.faults.rateLimitPerSecond;
	const plainFloor = half / first + half / (profile.secondHalfLimit ?? first);
	const floor = plainFloor / (1 - (profile.randomRefusals ?? 0));
	await sim.close();
	return {
		profile: profile.name,
		writes: profile.writes,
		'minimum s': floor.toFixed(1),
		'measured s': seconds.toFixed(1),
		'× minimum': (seconds / floor).toFixed(2),
		'× writes÷limit': (seconds / plainFloor).toFixed(2),
		'429s': sim.requests.filter((r) => r.status === 429).length,
		requests: sim.requests.length,
		duplicates: [...perExternalId.values()].reduce((sum, n) => sum + n - 1, 0),
		lost: items.filter((item) => !perExternalId.has(item.id)).length,
		'run error': result.error?.message ?? '',
		items: result.json(LEARNIFIER).length,
	};
}

/** One small run first, so that loading the engine's modules is not counted in the first profile. */
async function warmUp() {
	const sim = await startLearnifierSimulator();
	await runLearnifier(sim, createParameters(0), { items: [{ id: 'warm-up' }] });
	await sim.close();
}

async function main() {
	await warmUp();
	const wanted = process.argv.slice(2);
	const profiles = wanted.length
		? PROFILES.filter((p) => wanted.some((w) => p.name.includes(w)))
		: PROFILES;
	console.log('Write path under pushback: Learnifier creates, concurrency 16, in the engine');
	const rows = [];
	for (const profile of profiles) {
		const row = await measure(profile);
		console.log(JSON.stringify(row));
		rows.push(row);
	}
	console.table(rows);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
