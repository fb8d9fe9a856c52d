/**
 * The three simulators over one seeded population, as the sandbox and the demo use them:
 * Admentum holds tonight's people; Learnifier holds the same people as they were at the last sync
 * (without tonight's joiners, with leavers, old names and e-mails) plus admins made by hand;
 * GoPublic starts empty, like a phonebook before its first import.
 */
import { startAdmentumSimulator } from './admentum/admentumSimulator';
import { startGoPublicSimulator } from './gopublic/gopublicSimulator';
import { learnifierRealmFrom, startLearnifierSimulator } from './learnifier/learnifierSimulator';
import { earlierCopy, generatePeople, type DriftOptions } from './seed/people';

export interface StartAllOptions {
	seed?: number;
	people?: number;
	schools?: number;
	drift?: DriftOptions;
	learnifierAdmins?: number;
	/** First port; the three simulators take it and the next two. 0 = any free ports. */
	basePort?: number;
}

export async function startAllSimulators(options: StartAllOptions = {}) {
	const { seed = 42, people = 1_500, schools = 6, learnifierAdmins = 4, basePort = 0 } = options;
	const world = generatePeople({ seed, count: people, schoolCount: schools });
	const drift = options.drift ?? { joiners: 30, leavers: 12, renamed: 20, emailChanged: 15 };
	const earlier = earlierCopy(world, drift);
	const port = (offset: number) => (basePort ? basePort + offset : 0);
	const admentum = await startAdmentumSimulator({ port: port(0), world });
	const learnifier = await startLearnifierSimulator({
		port: port(1),
		users: learnifierRealmFrom(earlier.people, { admins: learnifierAdmins, seed }),
	});
	const gopublic = await startGoPublicSimulator({ port: port(2) });
	return {
		world,
		drift: earlier.drift,
		admentum,
		learnifier,
		gopublic,
		close: () => Promise.all([admentum.close(), learnifier.close(), gopublic.close()]),
	};
}
