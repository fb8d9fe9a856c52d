import { ORGANISATIONS_KEY, PATHS, SCHOOL_UNIT_TYPE, type Organisation } from './apiContract';
import { readList } from './readList';
import type { Ss12000Session } from './ss12000Session';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The school units the client can read. Organisations with an organisationType are school units
 * when it is "Skolenhet"; without one (the reference API has none), those with a schoolUnitCode.
 */
export async function listSchoolUnits(session: Ss12000Session): Promise<Organisation[]> {
	const records = await readList(
		session,
		PATHS.organisations,
		{},
		'Reading the organisations',
		ORGANISATIONS_KEY,
	);
	return records
		.map((record) => ({
			id: text(record.id),
			displayName: text(record.displayName),
			schoolUnitCode: text(record.schoolUnitCode) || undefined,
			organisationType: text(record.organisationType) || undefined,
		}))
		.filter((org) =>
			org.organisationType ? org.organisationType === SCHOOL_UNIT_TYPE : !!org.schoolUnitCode,
		);
}
