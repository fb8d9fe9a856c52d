/**
 * The four simulators over one seeded population, as the sandbox, the demo and the end-to-end
 * tests use them: Admentum holds tonight's people; Learnifier holds the same people as they were
 * at the last sync (without tonight's joiners, with leavers, old names and e-mails) plus admins
 * made by hand; GoPublic starts empty, like a phonebook before its first import. `credentials`
 * are what n8n gets to reach them (plain values; n8n encrypts them on import), `secrets` every key
 * they accept (none may show up in n8n's log or execution data).
 */
import { IMPORT_PATH } from '../../nodes/GoPublic/transport/apiContract';
import {
	ADMENTUM_TEST_KEY,
	startAdmentumSimulator,
	type AdmentumSimulator,
} from './admentum/admentumSimulator';
import {
	GOPUBLIC_TEST_KEY,
	GOPUBLIC_TEST_ORIGIN,
	startGoPublicSimulator,
	type GoPublicSimulator,
} from './gopublic/gopublicSimulator';
import {
	learnifierRealmFrom,
	LEARNIFIER_TEST_KEY,
	LEARNIFIER_TEST_SECRET,
	startLearnifierSimulator,
	type LearnifierSimulator,
} from './learnifier/learnifierSimulator';
import {
	SS12000_CLIENT_ID,
	SS12000_CLIENT_SECRET,
	SS12000_FIXED_TOKEN,
	SS12000_LIMITED_CLIENT_SECRET,
	startSs12000Simulator,
	type Ss12000Simulator,
} from './ss12000/ss12000Simulator';
import {
	earlierCopy,
	generatePeople,
	type Drift,
	type DriftOptions,
	type PeopleWorld,
} from './seed/people';

export interface StartAllOptions {
	seed?: number;
	people?: number;
	schools?: number;
	drift?: DriftOptions;
	learnifierAdmins?: number;
	/** First port; the four simulators take it and the next three. 0 = any free ports. */
	basePort?: number;
}

/** A credential as n8n's `import:credentials` takes it. */
export interface SimulatorCredential {
	/** Credential type name, e.g. 'learnifierApi'. */
	type: string;
	name: string;
	data: Record<string, unknown>;
}

export interface AllSimulators {
	/** The generated people (Admentum serves a copy with a few tricky values: see admentum.state.world). */
	world: PeopleWorld;
	/** What the Learnifier seed differs from Admentum by: what a sync must change. */
	drift: Drift;
	admentum: AdmentumSimulator;
	learnifier: LearnifierSimulator;
	gopublic: GoPublicSimulator;
	/** The same people as Admentum, as an SS 12000 school system holds them. */
	ss12000: Ss12000Simulator;
	credentials: SimulatorCredential[];
	secrets: string[];
	/** Every simulator back to its seed: records, request log and faults. */
	reset(): void;
	close(): Promise<void>;
}

/** Every key the simulators accept. */
export const SIMULATOR_SECRETS = [
	ADMENTUM_TEST_KEY,
	LEARNIFIER_TEST_SECRET,
	GOPUBLIC_TEST_KEY,
	SS12000_CLIENT_SECRET,
	SS12000_LIMITED_CLIENT_SECRET,
	SS12000_FIXED_TOKEN,
];

export async function startAllSimulators(options: StartAllOptions = {}): Promise<AllSimulators> {
	const { seed = 42, people = 1_500, schools = 6, learnifierAdmins = 4, basePort = 0 } = options;
	const world = generatePeople({ seed, count: people, schoolCount: schools });
	const earlier = earlierCopy(
		world,
		options.drift ?? { joiners: 30, leavers: 12, renamed: 20, emailChanged: 15 },
	);
	const port = (offset: number) => (basePort ? basePort + offset : 0);
	const admentum = await startAdmentumSimulator({ port: port(0), world });
	const learnifier = await startLearnifierSimulator({
		port: port(1),
		users: learnifierRealmFrom(earlier.people, { admins: learnifierAdmins, seed }),
	});
	const gopublic = await startGoPublicSimulator({ port: port(2) });
	const ss12000 = await startSs12000Simulator({ port: port(3), world });
	const all = [admentum, learnifier, gopublic, ss12000];
	return {
		world,
		drift: earlier.drift,
		admentum,
		learnifier,
		gopublic,
		ss12000,
		credentials: [
			{
				type: 'admentumApi',
				name: 'Admentum (simulator)',
				data: { apiAddress: admentum.csvUrl, apiKey: ADMENTUM_TEST_KEY, keyPlacement: 'token' },
			},
			{
				type: 'learnifierApi',
				name: 'Learnifier (simulator)',
				data: {
					baseUrl: learnifier.url,
					apiKey: LEARNIFIER_TEST_KEY,
					apiSecret: LEARNIFIER_TEST_SECRET,
				},
			},
			{
				type: 'goPublicApi',
				name: 'GoPublic (simulator)',
				data: {
					addressType: 'endpoint',
					endpoint: `${gopublic.origin}${IMPORT_PATH}`,
					apiKey: GOPUBLIC_TEST_KEY,
					origin: GOPUBLIC_TEST_ORIGIN,
				},
			},
			{
				type: 'ss12000Api',
				name: 'SS 12000 (simulator)',
				data: {
					apiAddress: ss12000.apiUrl,
					authentication: 'clientCredentials',
					tokenUrl: ss12000.tokenUrl,
					clientId: SS12000_CLIENT_ID,
					clientSecret: SS12000_CLIENT_SECRET,
					clientAuthentication: 'header',
				},
			},
		],
		secrets: SIMULATOR_SECRETS,
		reset: () => all.forEach((sim) => sim.reset()),
		close: async () => {
			await Promise.all(all.map((sim) => sim.close()));
		},
	};
}
