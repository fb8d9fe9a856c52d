/**
 * Many customers at once, each with a tenant of its own: an Admentum, a Learnifier and a GoPublic
 * simulator on their own ports, seeded with this customer's people (external ids that no other
 * customer has), each behind a gateway that accepts only this customer's keys (tenantGateway.ts),
 * and the credentials an admin would create for this customer. Checks: a tenant's Learnifier
 * holds its own Admentum people and nobody else's, and no request ever carried another
 * customer's key.
 */
import { randomBytes } from 'node:crypto';

import { IMPORT_PATH, API_KEY_HEADER } from '../../../nodes/GoPublic/transport/apiContract';
import {
	ADMENTUM_CSV_PATH,
	ADMENTUM_TEST_KEY,
	startAdmentumSimulator,
	type AdmentumSimulator,
} from '../../simulators/admentum/admentumSimulator';
import {
	GOPUBLIC_TEST_KEY,
	GOPUBLIC_TEST_ORIGIN,
	startGoPublicSimulator,
	type GoPublicSimulator,
} from '../../simulators/gopublic/gopublicSimulator';
import {
	learnifierRealmFrom,
	LEARNIFIER_TEST_KEY,
	LEARNIFIER_TEST_SECRET,
	startLearnifierSimulator,
	type LearnifierSimulator,
} from '../../simulators/learnifier/learnifierSimulator';
import {
	earlierCopy,
	generatePeople,
	type DriftOptions,
	type Person,
} from '../../simulators/seed/people';
import { SIMULATOR_SECRETS, type SimulatorCredential } from '../../simulators/startAll';
import { startTenantGateway, type TenantGateway } from './tenantGateway';

export interface TenantOptions {
	/** People in each customer's Admentum. */
	people: number;
	/** How each customer's Learnifier differs from its Admentum at the start. */
	drift: DriftOptions;
	/** Each Learnifier's rate limit (its fault switch); 0 = none. */
	learnifierRequestsPerSecond: number;
}

export type Service = 'admentum' | 'learnifier' | 'gopublic';

export interface Tenant {
	/** e.g. 'Customer 07'. */
	name: string;
	/** 1, 2, …: its people's external ids start at number * ID_BLOCK. */
	number: number;
	admentum: AdmentumSimulator;
	learnifier: LearnifierSimulator;
	gopublic: GoPublicSimulator;
	gateways: Record<Service, TenantGateway>;
	/** This customer's credentials, pointing at its gateways (plain values; n8n encrypts them). */
	credentials: SimulatorCredential[];
	/** External ids that ever belonged to this customer (source or target): the only ones allowed. */
	ownIds: Set<string>;
}

export interface Tenants {
	list: Tenant[];
	/** Every key of every customer (none may appear in a log or an execution). */
	secrets: string[];
	/** Requests that reached a tenant with another customer's key, or with no key we know. */
	foreignRequests(): string[];
	close(): Promise<void>;
}

/** Room for each customer's ids: customer n's people are n * ID_BLOCK + their generated id. */
const ID_BLOCK = 1_000_000;

interface CustomerKeys {
	admentumKey: string;
	learnifierKey: string;
	learnifierSecret: string;
	goPublicKey: string;
}

export async function startTenants(count: number, options: TenantOptions): Promise<Tenants> {
	const names = Array.from(
		{ length: count },
		(_, i) => `Customer ${String(i + 1).padStart(2, '0')}`,
	);
	const keys = names.map(
		(): CustomerKeys => ({
			admentumKey: `adm-${randomBytes(8).toString('hex')}`,
			learnifierKey: `lf-${randomBytes(4).toString('hex')}`,
			learnifierSecret: `lf-secret-${randomBytes(8).toString('hex')}`,
			goPublicKey: `gp-${randomBytes(8).toString('hex')}`,
		}),
	);
	const presented = keys.map(presentedValues);
	const whoseKey = (service: Service) => (value: string) =>
		names[presented.findIndex((values) => values[service] === value)];
	const simulatorValues = presentedValues({
		admentumKey: ADMENTUM_TEST_KEY,
		learnifierKey: LEARNIFIER_TEST_KEY,
		learnifierSecret: LEARNIFIER_TEST_SECRET,
		goPublicKey: GOPUBLIC_TEST_KEY,
	});

	const list: Tenant[] = [];
	const close = async () => {
		for (const tenant of list) {
			await Promise.all(
				[
					...Object.values(tenant.gateways),
					tenant.admentum,
					tenant.learnifier,
					tenant.gopublic,
				].map((server) => server.close()),
			);
		}
	};
	try {
		for (const [index, name] of names.entries()) {
			const number = index + 1;
			const world = generatePeople({ seed: 5000 + number, count: options.people, schoolCount: 4 });
			const earlier = earlierCopy(world, { ...options.drift, seed: number });
			const source = world.people.map((person) => ownedBy(number, person));
			const target = earlier.people.map((person) => ownedBy(number, person));
			const admentum = await startAdmentumSimulator({ world: { ...world, people: source } });
			const learnifier = await startLearnifierSimulator({
				users: learnifierRealmFrom(target, { admins: 1, seed: number }),
			});
			if (options.learnifierRequestsPerSecond > 0)
				learnifier.setFaults({ rateLimitPerSecond: options.learnifierRequestsPerSecond });
			const gopublic = await startGoPublicSimulator();
			const gateway = (service: Service, target: string, keyHeader: string) =>
				startTenantGateway({
					tenant: name,
					target,
					keyHeader,
					ownKey: presented[index][service],
					simulatorKey: simulatorValues[service],
					whoseKey: whoseKey(service),
				});
			const gateways = {
				admentum: await gateway('admentum', admentum.origin, 'authorization'),
				learnifier: await gateway('learnifier', learnifier.origin, 'authorization'),
				gopublic: await gateway('gopublic', gopublic.origin, API_KEY_HEADER),
			};
			list.push({
				name,
				number,
				admentum,
				learnifier,
				gopublic,
				gateways,
				credentials: credentialsOf(name, keys[index], gateways),
				ownIds: new Set([...source, ...target].map((person) => String(person.id))),
			});
		}
	} catch (error) {
		await close();
		throw error;
	}
	return {
		list,
		secrets: [
			...SIMULATOR_SECRETS,
			...keys.flatMap((key) => [key.admentumKey, key.learnifierSecret, key.goPublicKey]),
		],
		foreignRequests: () =>
			list.flatMap((tenant) =>
				Object.entries(tenant.gateways).flatMap(([service, gateway]) =>
					gateway.requests
						.filter((request) => request.caller !== tenant.name || request.status === 401)
						.map(
							(request) =>
								`${tenant.name}'s ${service}: ${request.method} ${request.path} with ${request.caller ?? 'an unknown'} key → ${request.status}`,
						),
				),
			),
		close,
	};
}

function ownedBy(customer: number, person: Person): Person {
	return { ...person, schoolIds: [...person.schoolIds], id: customer * ID_BLOCK + person.id };
}

/** The header values a customer's credentials make n8n send, per service. */
function presentedValues(keys: CustomerKeys): Record<Service, string> {
	return {
		admentum: `Token ${keys.admentumKey}`,
		learnifier: `Basic ${Buffer.from(`${keys.learnifierKey}:${keys.learnifierSecret}`).toString('base64')}`,
		gopublic: keys.goPublicKey,
	};
}

function credentialsOf(
	name: string,
	keys: CustomerKeys,
	gateways: Record<Service, TenantGateway>,
): SimulatorCredential[] {
	return [
		{
			type: 'admentumApi',
			name: `${name} Admentum`,
			data: {
				apiAddress: `${gateways.admentum.origin}${ADMENTUM_CSV_PATH}`,
				apiKey: keys.admentumKey,
				keyPlacement: 'token',
			},
		},
		{
			type: 'learnifierApi',
			name: `${name} Learnifier`,
			data: {
				baseUrl: gateways.learnifier.origin,
				apiKey: keys.learnifierKey,
				apiSecret: keys.learnifierSecret,
			},
		},
		{
			type: 'goPublicApi',
			name: `${name} GoPublic`,
			data: {
				addressType: 'endpoint',
				endpoint: `${gateways.gopublic.origin}${IMPORT_PATH}`,
				apiKey: keys.goPublicKey,
				origin: GOPUBLIC_TEST_ORIGIN,
			},
		},
	];
}

/** New people in the customer's Admentum (they joined) and some gone (they left); returns who. */
export function changeSource(
	tenant: Tenant,
	change: { joiners: number; leavers: number; batch: number },
): { joined: Person[]; left: Person[] } {
	const world = tenant.admentum.state.world;
	const shared = sharingAnEmail(world.people);
	const candidates = world.people.filter((person) => !shared.has(String(person.id)));
	const left = change.leavers > 0 ? candidates.slice(-change.leavers) : [];
	// Above every generated id of this customer; `batch` keeps two changes apart.
	const firstId = tenant.number * ID_BLOCK + ID_BLOCK / 2 + change.batch * 1000;
	const joined: Person[] = Array.from({ length: change.joiners }, (_, k) => {
		const id = firstId + k;
		return {
			...candidates[k],
			id,
			firstName: 'Ny',
			lastName: `Elev ${id}`,
			email: `ny.elev.${id}@skola.example.se`,
			schoolIds: [world.schools[0].id],
		};
	});
	tenant.admentum.state.world = {
		...world,
		people: [...world.people.filter((person) => !left.includes(person)), ...joined],
	};
	for (const person of joined) tenant.ownIds.add(String(person.id));
	return { joined, left };
}

const tidyEmail = (email: string | null) => email?.trim().toLowerCase() || null;

/** Source people whose e-mail another source person also has: Reconcile skips them (unique e-mail). */
export function sharingAnEmail(people: readonly Person[]): Set<string> {
	const byEmail = new Map<string, string[]>();
	for (const person of people) {
		const email = tidyEmail(person.email);
		if (email) byEmail.set(email, [...(byEmail.get(email) ?? []), String(person.id)]);
	}
	return new Set([...byEmail.values()].filter((ids) => ids.length > 1).flat());
}

/**
 * What keeps the customer's Learnifier from matching its Admentum: a person without a user (or
 * with another name or e-mail, or locked), a leaver not locked, an external id twice, a user that
 * is not this customer's. People sharing an e-mail are left out: Reconcile skips them on purpose.
 */
export function convergenceProblems(tenant: Tenant): string[] {
	const problems: string[] = [];
	const people = tenant.admentum.state.world.people;
	const skipped = sharingAnEmail(people);
	const users = tenant.learnifier.state.users;
	for (const person of people) {
		if (skipped.has(String(person.id))) continue;
		const user = users.findByExternalId(String(person.id));
		const wanted = {
			firstName: person.firstName,
			lastName: person.lastName,
			primaryEmail: tidyEmail(person.email),
			hardLock: false,
		};
		const got = user && {
			firstName: user.firstName,
			lastName: user.lastName,
			primaryEmail: user.primaryEmail,
			hardLock: user.hardLock,
		};
		if (JSON.stringify(got) !== JSON.stringify(wanted))
			problems.push(
				`${tenant.name}: person ${person.id} is ${JSON.stringify(got)}, should be ${JSON.stringify(wanted)}`,
			);
	}
	const inSource = new Set(people.map((person) => String(person.id)));
	const externalIds: string[] = [];
	for (const user of users.all()) {
		if (user.externalId === null) continue;
		externalIds.push(user.externalId);
		if (!tenant.ownIds.has(user.externalId))
			problems.push(`${tenant.name}: user ${user.externalId} belongs to another customer`);
		else if (!inSource.has(user.externalId) && !user.hardLock)
			problems.push(`${tenant.name}: leaver ${user.externalId} is not locked`);
	}
	problems.push(
		...duplicates(externalIds).map((id) => `${tenant.name}: external id ${id} occurs twice`),
	);
	return problems;
}

export function duplicates(values: readonly string[]): string[] {
	const seen = new Set<string>();
	return [...new Set(values.filter((value) => seen.size === seen.add(value).size))];
}
