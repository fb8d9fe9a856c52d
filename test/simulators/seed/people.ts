/**
 * Deterministic people for simulators, tests and the demo: the same seed and size always give the
 * same schools and people. Sizes from 10 to 100,000.
 *
 * What it puts in on purpose: Swedish and Danish names, teachers in several schools, students
 * without e-mail, two people sharing one e-mail address.
 */
import { seededRandom, type Random } from '../kit/random';
import { FIRST_NAMES, LAST_NAMES, SCHOOL_NAMES, emailSafe } from './names';

export type Role = 'student' | 'teacher';

export interface School {
	id: number;
	name: string;
	code: string;
}

export interface Person {
	/** Admentum's integer id; externalId downstream is its string form. */
	id: number;
	/** Admentum's `eid` and `guid` slots (other external-id choices). */
	eid: string;
	guid: string;
	firstName: string;
	lastName: string;
	email: string | null;
	role: Role;
	schoolIds: number[];
	/** Students only. */
	className: string | null;
	/** Teachers only. */
	title: string | null;
	/** Swedish personal identity number (fake, yyyymmdd-nnnn). */
	personnummer: string;
}

export interface PeopleWorld {
	schools: School[];
	people: Person[];
}

export interface GenerateOptions {
	seed?: number;
	/** Number of people, 10..100,000. */
	count: number;
	/** Defaults to one school per 500 people, at least 2. */
	schoolCount?: number;
	/** Share of teachers (default 0.11). */
	teacherShare?: number;
	/** Share of students without e-mail (default 0.02). */
	missingEmailShare?: number;
}

const pick = <T>(random: Random, list: readonly T[]) => list[Math.floor(random() * list.length)];

function schoolName(index: number) {
	const base = SCHOOL_NAMES[index % SCHOOL_NAMES.length];
	return index < SCHOOL_NAMES.length
		? base
		: `${base} ${Math.floor(index / SCHOOL_NAMES.length) + 1}`;
}

export function generatePeople(options: GenerateOptions): PeopleWorld {
	const { seed = 42, count, teacherShare = 0.11, missingEmailShare = 0.02 } = options;
	if (!Number.isInteger(count) || count < 10 || count > 100_000) {
		throw new Error(`count must be an integer from 10 to 100000, got ${count}`);
	}
	const random = seededRandom(seed);
	const schoolCount = options.schoolCount ?? Math.max(2, Math.round(count / 500));
	const schools: School[] = Array.from({ length: schoolCount }, (_, i) => ({
		id: 101 + i,
		name: schoolName(i),
		code: `S${String(101 + i).padStart(4, '0')}`,
	}));

	const people: Person[] = [];
	for (let i = 0; i < count; i++) {
		const id = 10_001 + i;
		const role: Role = random() < teacherShare ? 'teacher' : 'student';
		const firstName = pick(random, FIRST_NAMES);
		const lastName = pick(random, LAST_NAMES);
		const home = schools[Math.floor(random() * schools.length)];
		const schoolIds = [home.id];
		// About one teacher in eight works in a second school.
		if (role === 'teacher' && schools.length > 1 && random() < 0.125) {
			const second =
				schools[
					(schools.indexOf(home) + 1 + Math.floor(random() * (schools.length - 1))) % schools.length
				];
			schoolIds.push(second.id);
		}
		const domain = role === 'teacher' ? 'skola.example.se' : 'elev.example.se';
		const email =
			role === 'student' && random() < missingEmailShare
				? null
				: `${emailSafe(firstName)}.${emailSafe(lastName)}.${id}@${domain}`;
		const year =
			role === 'student' ? 2008 + Math.floor(random() * 10) : 1960 + Math.floor(random() * 40);
		const birth = `${year}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
		people.push({
			id,
			eid: `E${id}`,
			guid: `0000${id}-aaaa-4bbb-8ccc-${String(id).padStart(12, '0')}`,
			firstName,
			lastName,
			email,
			role,
			schoolIds,
			className:
				role === 'student'
					? `${1 + Math.floor(random() * 9)}${pick(random, ['A', 'B', 'C', 'Ö'])}`
					: null,
			title:
				role === 'teacher'
					? pick(random, ['Lärare', 'Rektor', 'Speciallärare', 'Fritidspedagog'])
					: null,
			personnummer: `${birth}-${String(Math.floor(random() * 10000)).padStart(4, '0')}`,
		});
	}
	// Two people sharing one address: it happens (siblings on a parent's address) and targets that
	// require unique e-mails must report it, not crash.
	const withEmail = people.filter((p) => p.email && p.role === 'student');
	if (withEmail.length >= 2) withEmail[1].email = withEmail[0].email;
	return { schools, people };
}

export interface Drift {
	/** People in the source that the earlier copy does not have yet (they joined). */
	joiners: number[];
	/** Ids only the earlier copy has (they left); they are not in `world.people`. */
	leavers: number[];
	renamed: number[];
	emailChanged: number[];
}

export interface DriftOptions {
	seed?: number;
	joiners?: number;
	leavers?: number;
	renamed?: number;
	emailChanged?: number;
}

/**
 * An earlier copy of the people, as a target system that was last synced a while ago holds them:
 * without tonight's joiners, with people who have since left, and with old names and e-mails for
 * some. Syncing the target from `world` must produce exactly `drift`'s changes.
 */
export function earlierCopy(
	world: PeopleWorld,
	options: DriftOptions = {},
): { people: Person[]; drift: Drift } {
	const { seed = 7, joiners = 0, leavers = 0, renamed = 0, emailChanged = 0 } = options;
	const random = seededRandom(seed);
	const indexes = world.people.map((_, i) => i);
	for (let i = indexes.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[indexes[i], indexes[j]] = [indexes[j], indexes[i]];
	}
	const take = (n: number) => indexes.splice(0, n).map((i) => world.people[i]);
	const joined = new Set(take(joiners).map((p) => p.id));
	const renamedIds = new Set(take(renamed).map((p) => p.id));
	const emailIds = new Set(
		take(emailChanged)
			.filter((p) => p.email)
			.map((p) => p.id),
	);

	const people: Person[] = [];
	for (const person of world.people) {
		if (joined.has(person.id)) continue;
		const earlier = { ...person, schoolIds: [...person.schoolIds] };
		if (renamedIds.has(person.id)) earlier.lastName = `${person.lastName}-Tidigare`;
		if (emailIds.has(person.id)) earlier.email = `old.${person.id}@gammal.example.se`;
		people.push(earlier);
	}
	const leaverIds: number[] = [];
	const firstLeaverId = 900_001;
	for (let i = 0; i < leavers; i++) {
		const id = firstLeaverId + i;
		leaverIds.push(id);
		people.push({
			id,
			eid: `E${id}`,
			guid: `0000${id}-dddd-4bbb-8ccc-${String(id).padStart(12, '0')}`,
			firstName: pick(random, FIRST_NAMES),
			lastName: pick(random, LAST_NAMES),
			email: `left.${id}@skola.example.se`,
			role: random() < 0.2 ? 'teacher' : 'student',
			schoolIds: [world.schools[0].id],
			className: null,
			title: null,
			personnummer: '19990101-0000',
		});
	}
	return {
		people,
		drift: {
			joiners: [...joined],
			leavers: leaverIds,
			renamed: [...renamedIds],
			emailChanged: [...emailIds],
		},
	};
}
