/**
 * GoPublic import figures: 5,000 members through the node against the local simulator (batches,
 * time), and the exact messages an admin sees for a missing field, an unknown role and a 403.
 *
 *   node --import tsx test/bench/gopublic-import.bench.ts
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../engine/runWorkflow';
import {
	credentialsFor,
	IMPORT,
	itemsToGoPublic,
	NODE,
} from '../engine/workflows/goPublicWorkflow';
import { startGoPublicSimulator } from '../simulators/gopublic/gopublicSimulator';
import { generatePeople } from '../simulators/seed/people';

const COUNT = 5_000;

function admentumItems(count: number): IDataObject[] {
	return generatePeople({ seed: 11, count }).people.map((p) => ({
		externalId: String(p.id),
		firstName: p.firstName,
		lastName: p.lastName,
		email: p.email ?? `${p.id}@skola.example`,
		role: p.role,
	}));
}

const roleMapping = { ...IMPORT, roles: "={{ $json.role === 'teacher' ? 'Lærer' : 'Elev' }}" };

async function main() {
	const sim = await startGoPublicSimulator();
	const credentials = credentialsFor(sim.origin);
	const items = admentumItems(COUNT);

	for (const label of ['first import', 're-run (all unchanged)']) {
		sim.requests.length = 0;
		const started = performance.now();
		const result = await runWorkflow(itemsToGoPublic(items, roleMapping), {
			credentials,
			mode: 'trigger',
		});
		const ms = performance.now() - started;
		if (result.error) throw result.error;
		const statuses: Record<string, number> = {};
		for (const item of result.json(NODE))
			statuses[String(item.status)] = (statuses[String(item.status)] ?? 0) + 1;
		console.log(
			`${label}: ${COUNT} members, ${sim.requests.length} requests of ${sim.state.batchSizes.slice(-3).join('/')}... ` +
				`(batch size 100), ${ms.toFixed(0)} ms, statuses ${JSON.stringify(statuses)}`,
		);
	}

	const show = async (
		title: string,
		people: IDataObject[],
		parameters: INodeParameters = roleMapping,
	) => {
		const result = await runWorkflow(itemsToGoPublic(people, parameters), { credentials });
		const error = result.error as (Error & { description?: string }) | undefined;
		console.log(
			`\n--- ${title} ---\nmessage:     ${error?.message}\ndescription: ${error?.description ?? ''}`,
		);
	};
	const [one, two] = items;
	await show('missing field', [one, { ...two, email: '' }]);
	await show('unknown role', [{ ...one, role: 'Pedel' }], IMPORT);
	sim.refuseCallers(true);
	await show('403 (IP not whitelisted)', [one]);
	await sim.close();
}

void main();
