/**
 * The people an Admentum simulator serves: a generated world plus a few values that real exports
 * contain and CSV readers get wrong, put in on purpose so that every test run meets them.
 */
import { generatePeople, type PeopleWorld, type Person } from '../seed/people';

/** Values the seed step writes into the world (tests look for them in the node's output). */
export const TRICKY_VALUES = {
	/** A teacher title holding the CSV delimiter. */
	titleWithSemicolon: 'Lärare; mentor åk 7–9',
	/** A student class name holding a line break. */
	classNameWithNewline: '9B\nSpråkval tyska',
	/** A first name holding double quotes (escaped as "" inside a quoted CSV field). */
	firstNameWithQuotes: 'Åsa "Åsis"',
	/** An e-mail with surrounding spaces and capitals (the node trims and, by default, lower-cases). */
	untidyEmail: '  Örjan.Ekström@Skola.Example.SE ',
} as const;

export interface TrickyPeople {
	/** Admentum ids of the people carrying the values above. */
	titleWithSemicolon: number;
	classNameWithNewline: number;
	firstNameWithQuotes: number;
	untidyEmail: number;
}

export const defaultWorld = (): PeopleWorld =>
	generatePeople({ seed: 42, count: 300, schoolCount: 3 });

/** A deep copy of `world` with the tricky values written into its first teachers and students. */
export function withTrickyValues(world: PeopleWorld): { world: PeopleWorld; tricky: TrickyPeople } {
	const people: Person[] = world.people.map((p) => ({ ...p, schoolIds: [...p.schoolIds] }));
	const teachers = people.filter((p) => p.role === 'teacher');
	const students = people.filter((p) => p.role === 'student' && p.email !== null);
	if (teachers.length < 2 || students.length < 2)
		throw new Error('The world needs at least 2 teachers and 2 students');
	teachers[0].title = TRICKY_VALUES.titleWithSemicolon;
	teachers[1].email = TRICKY_VALUES.untidyEmail;
	students[0].className = TRICKY_VALUES.classNameWithNewline;
	students[1].firstName = TRICKY_VALUES.firstNameWithQuotes;
	return {
		world: { schools: world.schools.map((s) => ({ ...s })), people },
		tricky: {
			titleWithSemicolon: teachers[0].id,
			untidyEmail: teachers[1].id,
			classNameWithNewline: students[0].id,
			firstNameWithQuotes: students[1].id,
		},
	};
}
