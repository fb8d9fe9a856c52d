import {
	CSV_API,
	FIELD,
	JSON_API,
	REQUIRED_PERSON_FIELDS,
	type PersonRow,
	type Role,
} from './apiContract';
import type { AdmentumSession } from './admentumSession';
import { readCsvList } from './readCsvList';
import { readJsonList } from './readJsonList';

const ROLE_PLURAL: Record<Role, string> = { student: 'students', teacher: 'teachers' };

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const textOrNull = (value: unknown) =>
	value === null || value === undefined || value === '' ? null : String(value);

/** Columns / fields a list must have, given what the admin asked for. */
function requiredFields(extra: readonly string[]): string[] {
	return [...new Set([...REQUIRED_PERSON_FIELDS, ...extra])];
}

/** The people of one role in one school unit, as Admentum lists them. */
export async function listPersonRows(
	session: AdmentumSession,
	schoolId: string,
	role: Role,
	/** Fields the chosen options need besides the basic ones (e.g. eid, personnummer). */
	extraFields: readonly string[],
): Promise<PersonRow[]> {
	const action = `Reading the ${ROLE_PLURAL[role]} of school unit ${schoolId}`;
	const records =
		session.variant === 'csv'
			? await readCsvList(
					session,
					CSV_API.peoplePath[role],
					{ [CSV_API.schoolQuery]: schoolId },
					action,
					requiredFields([...CSV_API.requiredPersonColumns, ...extraFields]),
				)
			: await readJsonList(
					session,
					JSON_API.usersPath,
					{ [JSON_API.schoolQuery]: schoolId, [JSON_API.roleQuery]: JSON_API.roleNumber[role] },
					action,
					requiredFields(extraFields),
				);
	return records.map((record) => ({
		id: text(record[FIELD.id]),
		eid: text(record[FIELD.eid]),
		guid: text(record[FIELD.guid]),
		firstName: text(record[FIELD.firstName]),
		lastName: text(record[FIELD.lastName]),
		email: textOrNull(record[FIELD.email]),
		role,
		// CSV rows name their school; JSON users are the ones asked for by school.
		schoolId: text(record[FIELD.schoolId] ?? schoolId).trim() || schoolId,
		className: textOrNull(record[FIELD.className]),
		title: textOrNull(record[FIELD.title]),
		// Read only when asked for (its column is then also required).
		personnummer: extraFields.includes(FIELD.personnummer)
			? textOrNull(record[FIELD.personnummer])
			: null,
	}));
}
