/**
 * Turns the persons read per school unit (students by enrolment, staff by duty) into one item per
 * person in the Admentum node's shape. Only relations at the chosen school units that count tonight
 * make someone a student or staff, whatever the API's filter let through. People with a protected
 * identity are left out, or put out without their name, as the admin chose.
 */
import {
	chooseEmail,
	currentDuties,
	currentEnrolments,
	emailTypesFor,
	externalIdOf,
	isProtected,
} from './personFacts';
import type { Role, Ss12000Person } from '../transport/apiContract';
import type { PersonItem, PersonOptions } from './types';

export interface PersonList {
	role: Role;
	persons: Ss12000Person[];
}

export interface MergedPersons {
	people: PersonItem[];
	/** How many people with a protected identity were left out (never who). */
	protectedLeftOut: number;
}

const tidy = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Where the person counts, in the order of the chosen school units. */
function schoolIdsOf(person: Ss12000Person, role: Role, options: PersonOptions): string[] {
	const at =
		role === 'teacher'
			? currentDuties(person, options).map((d) => tidy(d.dutyAt?.id))
			: currentEnrolments(person, options).map((e) => tidy(e.enroledAt?.id));
	return options.schoolUnitIds.filter((id) => at.includes(id));
}

function toItem(
	person: Ss12000Person,
	role: Role,
	schoolIds: string[],
	options: PersonOptions,
	classOf: ReadonlyMap<string, string>,
): PersonItem {
	const chosen = chooseEmail(person, emailTypesFor(role, options));
	const email = chosen && options.lowerCaseEmail ? chosen.toLowerCase() : chosen;
	const item: PersonItem = {
		externalId: externalIdOf(person, options),
		firstName: tidy(person.givenName),
		lastName: tidy(person.familyName),
		email,
		role,
		schoolIds,
		emailMissing: email === null,
		ss12000Id: tidy(person.id),
	};
	if (role === 'student') item.className = classOf.get(item.ss12000Id) ?? null;
	else item.title = tidy(currentDuties(person, options)[0]?.dutyRole) || null;
	return item;
}

/** The person as a protected identity may be put out: no name anywhere, named by ID only. */
function withoutName(item: PersonItem): PersonItem {
	return {
		...item,
		firstName: '',
		lastName: '',
		protectedIdentity: true,
		recordLabel: `SS 12000 person ${item.ss12000Id}`,
	};
}

export function mergePersons(
	lists: readonly PersonList[],
	options: PersonOptions,
	/** SS 12000 person ID → the displayName of their class group. */
	classOf: ReadonlyMap<string, string> = new Map(),
): MergedPersons {
	const byId = new Map<string, { person: Ss12000Person; role: Role; schoolIds: string[] }>();
	// Staff first: someone who is both a student and staff is staff (staff rights matter more downstream).
	const ordered = [...lists].sort((a, b) =>
		a.role === b.role ? 0 : a.role === 'teacher' ? -1 : 1,
	);
	for (const { role, persons } of ordered) {
		for (const person of persons) {
			const schoolIds = schoolIdsOf(person, role, options);
			if (schoolIds.length === 0) continue;
			const id = tidy(person.id);
			const found = byId.get(id);
			if (!found) byId.set(id, { person, role, schoolIds });
			else if (found.role === role)
				found.schoolIds.push(...schoolIds.filter((s) => !found.schoolIds.includes(s)));
		}
	}
	const people: PersonItem[] = [];
	let protectedLeftOut = 0;
	for (const { person, role, schoolIds } of byId.values()) {
		const item = toItem(person, role, schoolIds, options, classOf);
		if (!isProtected(person)) people.push(item);
		else if (options.protectedIdentities === 'includeWithoutName') people.push(withoutName(item));
		else protectedLeftOut++;
	}
	return { people, protectedLeftOut };
}
