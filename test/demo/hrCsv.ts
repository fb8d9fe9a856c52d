/**
 * An HR system's nightly export in the layout of GoPublic's own import guide (`Kontakter.csv`,
 * what the HR CSV → GoPublic template reads): UTF-8 with a byte-order mark, `;` between cells,
 * `|` between the values of UUID, Roles, Categories and Organizations, True/False for
 * HeadOfDepartment and lockForDeletion. One row per staff member of the seeded world.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import type { PeopleWorld, Person } from '../simulators/seed/people';

export const HR_CSV_COLUMNS = [
	'UUID',
	'Name',
	'EmailAddress',
	'FirstName',
	'Surname',
	'FullName',
	'Title',
	'HeadOfDepartment',
	'MobilePhone',
	'Location',
	'lockForDeletion',
	'Roles',
	'Categories',
	'Organizations',
] as const;

export interface HrRow {
	/** The member's uuids: the HR number and Admentum's GUID. */
	uuids: string[];
	cells: Record<(typeof HR_CSV_COLUMNS)[number], string>;
}

/** The staff (teachers with an e-mail) of the world as HR rows. */
export function hrRowsFrom(world: PeopleWorld): HrRow[] {
	const schoolName = new Map(world.schools.map((school) => [school.id, school.name]));
	return world.people
		.filter(
			(person): person is Person & { email: string } =>
				person.role === 'teacher' && person.email !== null,
		)
		.map((person, index) => {
			const schools = person.schoolIds.map((id) => schoolName.get(id) ?? String(id));
			const uuids = [`hr-${person.id}`, person.guid];
			return {
				uuids,
				cells: {
					UUID: uuids.join('|'),
					Name: `${person.firstName} ${person.lastName}`,
					EmailAddress: person.email.trim().toLowerCase(),
					FirstName: person.firstName,
					Surname: person.lastName,
					FullName: `${person.firstName} ${person.lastName}`,
					Title: person.title ?? 'Lærer',
					HeadOfDepartment: index % 10 === 0 ? 'True' : 'False',
					MobilePhone: `+45 20 ${String(person.id).slice(-4, -2)} ${String(person.id).slice(-2)} 00`,
					Location: schools[0],
					lockForDeletion: 'False',
					Roles: index % 10 === 0 ? 'Lærer|Leder' : 'Lærer',
					Categories: schools.map((school) => `Skoler/${school}`).join('|'),
					Organizations: schools.map((school) => `Kommune/Skoler/${school}`).join('|'),
				},
			};
		});
}

function csvCell(value: string): string {
	return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The rows as the export file's text, byte-order mark included. */
export function hrCsvText(rows: readonly HrRow[]): string {
	const lines = [
		HR_CSV_COLUMNS.join(';'),
		...rows.map((row) => HR_CSV_COLUMNS.map((column) => csvCell(row.cells[column])).join(';')),
	];
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function writeHrCsv(file: string, rows: readonly HrRow[]): void {
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, hrCsvText(rows), 'utf8');
}
