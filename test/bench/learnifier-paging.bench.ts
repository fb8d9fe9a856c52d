/**
 * How long a 100,000-user Learnifier realm takes to page out: over plain HTTP (the simulator's
 * own speed) and through the Learnifier node's Get Many (Return All) in n8n's engine.
 *   node --import tsx test/bench/learnifier-paging.bench.ts
 */
import { generatePeople } from '../simulators/seed/people';
import {
	LEARNIFIER_TEST_KEY,
	LEARNIFIER_TEST_SECRET,
	learnifierRealmFrom,
	startLearnifierSimulator,
} from '../simulators/learnifier/learnifierSimulator';
import { runLearnifier } from '../engine/workflows/learnifierWorkflow';

async function main() {
	const realm = learnifierRealmFrom(generatePeople({ seed: 5, count: 100_000 }).people);
	const sim = await startLearnifierSimulator({ users: realm });
	const auth =
		'Basic ' + Buffer.from(`${LEARNIFIER_TEST_KEY}:${LEARNIFIER_TEST_SECRET}`).toString('base64');
	try {
		let started = performance.now();
		let users = 0;
		let pages = 0;
		for (let more = true; more; pages++) {
			const response = await fetch(`${sim.url}/users?offset=${users}`, {
				headers: { authorization: auth },
			});
			users += ((await response.json()) as unknown[]).length;
			more = response.headers.get('x-more') === 'true';
		}
		const http = (performance.now() - started) / 1000;
		console.log(`plain HTTP:              ${users} users in ${pages} pages, ${http.toFixed(2)} s`);

		started = performance.now();
		const result = await runLearnifier(sim, { operation: 'getAll', returnAll: true });
		const node = (performance.now() - started) / 1000;
		if (result.error) throw result.error;
		const distinct = new Set(result.json('Learnifier').map((user) => user.id)).size;
		console.log(
			`Learnifier node Get Many: ${distinct} distinct users, ${node.toFixed(2)} s (target: under 10 s)`,
		);
	} finally {
		await sim.close();
	}
}

void main();
