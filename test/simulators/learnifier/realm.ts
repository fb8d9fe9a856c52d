/**
 * A Learnifier realm's users, as the simulator keeps them: indexed by id, external id and
 * lower-cased e-mail so that every look-up is one Map access, even with 100,000 users.
 */
import { seededRandom, type Random } from '../kit/random';
import type { Person } from '../seed/people';

export interface LearnifierUser {
	id: string;
	/** Case-sensitive; users created by hand in Learnifier (admins) have none. */
	externalId: string | null;
	firstName: string | null;
	lastName: string | null;
	displayName: string | null;
	primaryEmail: string | null;
	locale: string | null;
	homeOrg: string | null;
	hardLock: boolean;
	locked: boolean;
}

/** The fields a client may write with POST and PATCH (docs/apis.md). */
export const WRITABLE_FIELDS = [
	'externalId',
	'firstName',
	'lastName',
	'displayName',
	'primaryEmail',
	'locale',
	'homeOrg',
	'hardLock',
] as const;
export type WritableField = (typeof WRITABLE_FIELDS)[number];

const emailKey = (email: string | null | undefined) => (email ? email.toLowerCase() : undefined);

export class UserStore {
	private readonly byId = new Map<string, LearnifierUser>();
	private readonly byExternalId = new Map<string, LearnifierUser>();
	private readonly byEmail = new Map<string, LearnifierUser>();
	/** Users in creation order, for paging. Deleted users are removed (rare: a splice is fine). */
	private readonly ordered: LearnifierUser[] = [];

	constructor(users: readonly LearnifierUser[] = []) {
		for (const user of users) this.insert({ ...user });
	}

	get size() {
		return this.ordered.length;
	}

	all(): readonly LearnifierUser[] {
		return this.ordered;
	}

	page(offset: number, limit: number): LearnifierUser[] {
		return this.ordered.slice(offset, offset + limit);
	}

	get(id: string) {
		return this.byId.get(id);
	}

	findByExternalId(externalId: string) {
		return this.byExternalId.get(externalId);
	}

	findByEmail(email: string) {
		return this.byEmail.get(email.toLowerCase());
	}

	insert(user: LearnifierUser) {
		this.byId.set(user.id, user);
		if (user.externalId) this.byExternalId.set(user.externalId, user);
		const key = emailKey(user.primaryEmail);
		if (key) this.byEmail.set(key, user);
		this.ordered.push(user);
	}

	/** Writes the given fields, keeping the indexes in step. */
	write(user: LearnifierUser, changes: Partial<LearnifierUser>) {
		if ('externalId' in changes && user.externalId) this.byExternalId.delete(user.externalId);
		if ('primaryEmail' in changes && user.primaryEmail)
			this.byEmail.delete(emailKey(user.primaryEmail)!);
		Object.assign(user, changes);
		if ('externalId' in changes && user.externalId) this.byExternalId.set(user.externalId, user);
		if ('primaryEmail' in changes && user.primaryEmail)
			this.byEmail.set(emailKey(user.primaryEmail)!, user);
	}

	remove(user: LearnifierUser) {
		this.byId.delete(user.id);
		if (user.externalId) this.byExternalId.delete(user.externalId);
		if (user.primaryEmail) this.byEmail.delete(emailKey(user.primaryEmail)!);
		this.ordered.splice(this.ordered.indexOf(user), 1);
	}
}

/** A uuid (version 4 layout) from a seeded random source: the same seed gives the same ids. */
export function deterministicUuid(random: Random): string {
	const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
	hex[12] = '4';
	hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	const h = hex.join('');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A realm as a Learnifier that was synced from `people` holds it: one user per person (external id
 * = the person's id as text), plus `admins` users created by hand, without an external id.
 */
export function learnifierRealmFrom(
	people: readonly Person[],
	options: { admins?: number; seed?: number } = {},
): LearnifierUser[] {
	const { admins = 0, seed = 11 } = options;
	const random = seededRandom(seed);
	// Learnifier keeps e-mails unique: of two people sharing one, only the first got it.
	const emailsTaken = new Set<string>();
	const users: LearnifierUser[] = people.map((person) => {
		const email =
			person.email && !emailsTaken.has(person.email.toLowerCase()) ? person.email : null;
		if (email) emailsTaken.add(email.toLowerCase());
		return {
			id: deterministicUuid(random),
			externalId: String(person.id),
			firstName: person.firstName,
			lastName: person.lastName,
			displayName: `${person.firstName} ${person.lastName}`,
			primaryEmail: email,
			locale: 'sv',
			homeOrg: null,
			hardLock: false,
			locked: false,
		};
	});
	for (let i = 1; i <= admins; i++) {
		users.push({
			id: deterministicUuid(random),
			externalId: null,
			firstName: 'Admin',
			lastName: `Nummer ${i}`,
			displayName: `Admin Nummer ${i}`,
			primaryEmail: `admin${i}@learnifier.example.se`,
			locale: 'sv',
			homeOrg: null,
			hardLock: false,
			locked: false,
		});
	}
	return users;
}
