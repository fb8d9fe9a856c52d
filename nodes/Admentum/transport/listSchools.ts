import { trimmedText } from '../../shared/values';
import { CSV_API, FIELD, JSON_API, REQUIRED_SCHOOL_FIELDS, type SchoolRecord } from './apiContract';
import type { AdmentumSession } from './admentumSession';
import { readCsvList } from './readCsvList';
import { readJsonList } from './readJsonList';

const text = (value: unknown) => trimmedText(value) ?? '';

/** Every school unit the API key can read, in Admentum's order. */
export async function listSchools(session: AdmentumSession): Promise<SchoolRecord[]> {
	const action = 'Reading the school units';
	const records =
		session.variant === 'csv'
			? await readCsvList(session, CSV_API.schoolsPath, {}, action, REQUIRED_SCHOOL_FIELDS)
			: await readJsonList(session, JSON_API.schoolsPath, {}, action, REQUIRED_SCHOOL_FIELDS);
	return records.map((record) => ({
		id: text(record[FIELD.id]),
		name: text(record[FIELD.schoolName]),
		code: text(record[FIELD.schoolCode]) || null,
	}));
}
