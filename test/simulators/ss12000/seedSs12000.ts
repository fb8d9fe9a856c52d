/**
 * The people of a generated world as an SS 12000 API holds them: UUIDs, typed e-mails, external
 * identifiers that carry the old (Admentum) ID, eduPersonPrincipalNames, enrolments, duties, class
 * groups, and a few people with a protected identity.
 */
import type { PeopleWorld, Person } from '../seed/people';

/** The context under which every person's old ID (the Admentum ID of the same world) is given. */
export const LEGACY_ID_CONTEXT = 'https://skola.example.se/elevregister-id';
export const EPPN_DOMAIN = 'skola.example.se';

const uuid = (prefix: string, n: number) =>
	`${prefix.padEnd(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const personUuid = (id: number) => uuid('5e', id);
export const schoolUnitUuid = (id: number) => uuid('0a', id);
export const ORGANISER_UUID = uuid('0b', 1);
const dutyUuid = (personId: number, schoolId: number) => uuid('d0', personId * 1000 + schoolId);
export const classGroupUuid = (schoolId: number, className: string) =>
	uuid(
		'90',
		schoolId * 100_000 + [...className].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 99_999, 7),
	);

/** A protected identity, deterministically: about one person in a hundred, one staff member in forty. */
export const isProtectedPerson = (person: Person) =>
	person.id % 97 === 5 || (person.role === 'teacher' && person.id % 41 === 3);
export const PROTECTED_MARKING = 'Skyddad folkbokföring';

/** SS 12000's duty roles (Code_DutyRole) for the seed's titles; any other title is a teacher. */
const DUTY_ROLE: Record<string, string> = {
	Lärare: 'Lärare',
	Rektor: 'Rektor',
	Fritidspedagog: 'Fritidspedagog',
	Speciallärare: 'Speciallärare/specialpedagog',
};
export const dutyRoleOf = (person: Person) => DUTY_ROLE[person.title ?? ''] ?? 'Lärare';

/** Every seventh person also has a private address, listed first (it must never be chosen by default). */
export const privateEmailOf = (person: Person) =>
	person.id % 7 === 0 ? `privat.${person.id}@example.com` : null;

export function ss12000Person(person: Person, withDuties: boolean): Record<string, unknown> {
	const emails: Array<{ value: string; type: string }> = [];
	const privateEmail = privateEmailOf(person);
	if (privateEmail) emails.push({ value: privateEmail, type: 'Privat' });
	if (person.email)
		emails.push({
			value: person.email,
			type: person.role === 'teacher' ? 'Skola personal' : 'Skola elev',
		});
	const record: Record<string, unknown> = {
		id: personUuid(person.id),
		meta: { created: '2024-08-01T08:00:00+02:00', modified: '2025-08-01T08:00:00+02:00' },
		givenName: person.firstName,
		familyName: person.lastName,
		eduPersonPrincipalNames: [`${person.id}@${EPPN_DOMAIN}`],
		externalIdentifiers: [
			{ value: String(person.id), context: LEGACY_ID_CONTEXT, globallyUnique: false },
		],
		emails,
		securityMarking: isProtectedPerson(person) ? PROTECTED_MARKING : 'Ingen',
		enrolments:
			person.role === 'student'
				? [
						{
							enroledAt: { id: schoolUnitUuid(person.schoolIds[0]) },
							schoolType: 'GR',
							schoolYear: Number.parseInt(person.className ?? '', 10) || 1,
						},
					]
				: [],
	};
	if (withDuties)
		record.duties =
			person.role === 'teacher'
				? person.schoolIds.map((schoolId) => ({
						id: dutyUuid(person.id, schoolId),
						person: { id: personUuid(person.id) },
						dutyAt: { id: schoolUnitUuid(schoolId) },
						dutyRole: dutyRoleOf(person),
					}))
				: [];
	return record;
}

/** Is the person related to the school unit as asked (relationship.entity.type)? */
export function relatedTo(person: Person, relation: string, schoolUnitId: string): boolean {
	const schools = person.schoolIds.map(schoolUnitUuid);
	if (relation === 'enrolment') return person.role === 'student' && schools[0] === schoolUnitId;
	if (relation === 'duty') return person.role === 'teacher' && schools.includes(schoolUnitId);
	return false;
}

/** The class groups (groupType Klass) of a world, with their members. */
export function classGroups(world: PeopleWorld): Array<Record<string, unknown>> {
	const groups = new Map<string, { schoolId: number; className: string; members: number[] }>();
	for (const person of world.people) {
		if (person.role !== 'student' || !person.className) continue;
		const key = `${person.schoolIds[0]}|${person.className}`;
		const group = groups.get(key) ?? {
			schoolId: person.schoolIds[0],
			className: person.className,
			members: [],
		};
		group.members.push(person.id);
		groups.set(key, group);
	}
	return [...groups.values()].map((group) => ({
		id: classGroupUuid(group.schoolId, group.className),
		displayName: group.className,
		groupType: 'Klass',
		schoolType: 'GR',
		organisation: { id: schoolUnitUuid(group.schoolId) },
		groupMemberships: group.members.map((id) => ({ person: { id: personUuid(id) } })),
	}));
}
