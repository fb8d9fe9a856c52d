/**
 * `npm run sandbox [-- --people 1500 --port 8701]`: the three simulators with seeded data, for
 * trying the nodes by hand in an n8n editor or with curl. Stops on Ctrl-C.
 */
import { parseArgs } from 'node:util';

import {
	ADMENTUM_CSV_PATH,
	ADMENTUM_JSON_PATH,
	ADMENTUM_TEST_KEY,
} from './admentum/admentumSimulator';
import { GOPUBLIC_TEST_KEY, GOPUBLIC_TEST_ORIGIN } from './gopublic/gopublicSimulator';
import { LEARNIFIER_TEST_KEY, LEARNIFIER_TEST_SECRET } from './learnifier/learnifierSimulator';
import { IMPORT_PATH } from '../../nodes/GoPublic/transport/apiContract';
import { startAllSimulators } from './startAll';

async function main() {
	const { values } = parseArgs({
		options: {
			people: { type: 'string', default: '1500' },
			port: { type: 'string', default: '8701' },
		},
	});
	const sims = await startAllSimulators({
		people: Number(values.people),
		basePort: Number(values.port),
	});
	const { admentum, learnifier, gopublic } = sims;
	const gopublicImport = `${gopublic.origin}${IMPORT_PATH}`;
	console.log(`Simulators running (${sims.world.people.length} people in ${sims.world.schools.length} schools). Ctrl-C stops them.

Admentum   CSV  ${admentum.origin}${ADMENTUM_CSV_PATH}    JSON ${admentum.origin}${ADMENTUM_JSON_PATH}
           key  ${ADMENTUM_TEST_KEY}   (header  Authorization: Token <key>)
           curl -H 'Authorization: Token ${ADMENTUM_TEST_KEY}' ${admentum.origin}${ADMENTUM_CSV_PATH}/schools

Learnifier      ${learnifier.origin}
           key  ${LEARNIFIER_TEST_KEY}   secret ${LEARNIFIER_TEST_SECRET}   (HTTP Basic)
           curl -i -u ${LEARNIFIER_TEST_KEY}:${LEARNIFIER_TEST_SECRET} '${learnifier.origin}/users?limit=2'

GoPublic        ${gopublicImport}
           key  ${GOPUBLIC_TEST_KEY}   Origin ${GOPUBLIC_TEST_ORIGIN}
           curl -H 'x-api-key: ${GOPUBLIC_TEST_KEY}' -H 'Content-Type: application/json' -d '{"members":[]}' ${gopublicImport}

Each simulator also answers GET /__sim/state, GET /__sim/requests, POST /__sim/reset, PUT /__sim/faults.`);
	const stop = async () => {
		await sims.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
