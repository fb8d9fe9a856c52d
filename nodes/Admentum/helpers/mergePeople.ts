/**
 * Turns the rows of every list read (one per school and role) into one item per person: a person
 * in several chosen schools becomes one item holding all their school ids.
 */
import type { PersonRow } from '../transport/apiContract';
import type { PersonItem, PersonOptions } from './types';

const tidy = (value: string | null | undefined) => (value ?? '').trim();

function emailOf(row: PersonRow, options: PersonOptions): string | null {
	const email = tidy(row.email);
	if (email === '') return null;
	return options.lowerCaseEmail ? email.toLowerCase() : email;
}

function toItem(row: PersonRow, options: PersonOptions): PersonItem {
	const email = emailOf(row, options);
	const item: PersonItem = {
		externalId: tidy(row[options.externalIdFrom]),
		firstName: tidy(row.firstName),
		lastName: tidy(row.lastName),
		email,
		role: row.role,
		schoolIds: [row.schoolId],
		emailMissing: email === null,
		admentumId: tidy(row.id),
	};
	if (row.role === 'student') item.className = tidy(row.className) || null;
	else item.title = tidy(row.title) || null;
	if (options.includePersonnummer) item.personnummer = tidy(row.personnummer) || null;
	return item;
}

/** People in the order first seen; keyed by Admentum's own id, whatever the external id is. */
export function mergePeople(rows: Iterable<PersonRow>, options: PersonOptions): PersonItem[] {
	const byId = new Map<string, PersonItem>();
	for (const row of rows) {
		const found = byId.get(tidy(row.id));
		if (!found) {
			byId.set(tidy(row.id), toItem(row, options));
			continue;
		}
		if (!found.schoolIds.includes(row.schoolId)) found.schoolIds.push(row.schoolId);
		// Listed as student in one school and teacher in another: staff rights matter more downstream.
		if (row.role === 'teacher' && found.role === 'student') {
			delete found.className;
			found.role = 'teacher';
			found.title = tidy(row.title) || null;
		}
	}
	return [...byId.values()];
}
