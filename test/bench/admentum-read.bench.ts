/**
 * The Admentum node reading a large customer: 15,000 people from 30 school units of the simulator,
 * through n8n's engine over real HTTP, from both API variants. Then the exact error text of each
 * bad answer. Run: node --import tsx test/bench/admentum-read.bench.ts
 */
import {
	ADMENTUM_SCHOOLS_ONLY_KEY,
	startAdmentumSimulator,
	type BadAnswer,
} from '../simulators/admentum/admentumSimulator';
import { generatePeople } from '../simulators/seed/people';
import {
	ADMENTUM,
	admentumCredential,
	readPeople,
	runAdmentum,
} from '../engine/workflows/admentumWorkflow';

async function main() {
	const world = generatePeople({ seed: 42, count: 15_000, schoolCount: 30 });
	const sim = await startAdmentumSimulator({ world });
	const schoolIds = world.schools.map((s) => String(s.id));
	console.log(`Simulator: ${world.people.length} people in ${world.schools.length} school units`);
	// The first run in a process loads n8n's engine and the node; keep that out of the figures.
	await runAdmentum(readPeople(['101']), admentumCredential(sim.csvUrl));

	for (const [variant, url] of [
		['CSV ', sim.csvUrl],
		['JSON', sim.jsonUrl],
	] as const) {
		const requestsBefore = sim.requests.length;
		const started = performance.now();
		const result = await runAdmentum(readPeople(schoolIds), admentumCredential(url));
		const ms = performance.now() - started;
		if (result.error) throw result.error;
		const items = result.json(ADMENTUM);
		const multi = items.filter((i) => (i.schoolIds as string[]).length > 1).length;
		const noEmail = items.filter((i) => i.emailMissing).length;
		console.log(
			`${variant}: ${items.length} items (${multi} in several schools, ${noEmail} without e-mail) ` +
				`in ${(ms / 1000).toFixed(2)} s, ${sim.requests.length - requestsBefore} requests`,
		);
	}

	console.log('\nError texts (CSV API, school unit 101):');
	const cases: Array<[string, BadAnswer, Record<string, string>]> = [
		['HTML login page', 'htmlLoginPage', {}],
		['wrong columns', 'wrongColumns', {}],
		['truncated CSV', 'truncated', {}],
		['401 wrong key', 'none', { apiKey: 'wrong-key' }],
		['403 not allowed', 'none', { apiKey: ADMENTUM_SCHOOLS_ONLY_KEY }],
	];
	for (const [name, badAnswer, credential] of cases) {
		sim.configure({ badAnswer });
		const result = await runAdmentum(
			readPeople(['101']),
			admentumCredential(sim.csvUrl, credential),
		);
		const error = result.error as (Error & { description?: string }) | undefined;
		console.log(`- ${name}: ${error?.message ?? 'NO ERROR (wrong!)'}`);
		if (error?.description) console.log(`    ${error.description}`);
	}
	await sim.close();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
