/**
 * The three services the demo syncs, as local simulators with seeded data: Admentum holds tonight's
 * people; Learnifier holds the same school synced a while ago (without tonight's joiners, with
 * people who have left since, older names and e-mails, and two admins made by hand); GoPublic
 * starts empty (its first import). The credentials n8n gets point at them, with their test keys.
 */
import { earlierCopy, generatePeople, type Drift, type PeopleWorld } from '../simulators/seed/people';
import { ADMENTUM_TEST_KEY, startAdmentumSimulator, type AdmentumSimulator } from '../simulators/admentum/admentumSimulator';
import {
	learnifierRealmFrom,
	LEARNIFIER_TEST_KEY,
	LEARNIFIER_TEST_SECRET,
	startLearnifierSimulator,
	type LearnifierSimulator,
} from '../simulators/learnifier/learnifierSimulator';
import {
	GOPUBLIC_TEST_KEY,
	GOPUBLIC_TEST_ORIGIN,
	startGoPublicSimulator,
	type GoPublicSimulator,
} from '../simulators/gopublic/gopublicSimulator';
import { IMPORT_PATH } from '../../nodes/GoPublic/transport/apiContract';
import type { CredentialToImport } from '../e2e/realN8n';

export interface DemoSimulators {
	world: PeopleWorld;
	/** What the Learnifier seed differs from Admentum by: what a sync must change. */
	learnifierDrift: Drift;
	admentum: AdmentumSimulator;
	learnifier: LearnifierSimulator;
	gopublic: GoPublicSimulator;
	credentials: CredentialToImport[];
	close(): Promise<void>;
}

export const DEMO_SIZE = { people: 400, schools: 4 };

export async function startDemoSimulators(): Promise<DemoSimulators> {
	const world = generatePeople({ seed: 2026, count: DEMO_SIZE.people, schoolCount: DEMO_SIZE.schools });
	const earlier = earlierCopy(world, { joiners: 12, leavers: 6, renamed: 4, emailChanged: 3 });
	const admentum = await startAdmentumSimulator({ world });
	const learnifier = await startLearnifierSimulator({ users: learnifierRealmFrom(earlier.people, { admins: 2 }) });
	const gopublic = await startGoPublicSimulator();
	const credentials: CredentialToImport[] = [
		{
			type: 'admentumApi',
			name: 'Admentum (demo simulator)',
			data: { apiAddress: admentum.csvUrl, apiKey: ADMENTUM_TEST_KEY, keyPlacement: 'token' },
		},
		{
			type: 'learnifierApi',
			name: 'Learnifier (demo simulator)',
			data: { baseUrl: learnifier.url, apiKey: LEARNIFIER_TEST_KEY, apiSecret: LEARNIFIER_TEST_SECRET },
		},
		{
			type: 'goPublicApi',
			name: 'GoPublic (demo simulator)',
			data: {
				addressType: 'endpoint',
				endpoint: `${gopublic.origin}${IMPORT_PATH}`,
				apiKey: GOPUBLIC_TEST_KEY,
				origin: GOPUBLIC_TEST_ORIGIN,
			},
		},
	];
	return {
		world,
		learnifierDrift: earlier.drift,
		admentum,
		learnifier,
		gopublic,
		credentials,
		async close() {
			await Promise.all([admentum.close(), learnifier.close(), gopublic.close()]);
		},
	};
}

/** Every key the simulators accept: none may appear in n8n's log or execution data. */
export const DEMO_SECRETS = [ADMENTUM_TEST_KEY, LEARNIFIER_TEST_SECRET, GOPUBLIC_TEST_KEY];
