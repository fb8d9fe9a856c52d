import { PATHS, PERSON_QUERY, type Role, type Ss12000Person } from './apiContract';
import { readList } from './readList';
import { unexpectedAnswer, type Ss12000Session } from './ss12000Session';

const WHO: Record<Role, string> = { student: 'students', teacher: 'staff' };

/**
 * The students (by enrolment) or staff (by duty, with their duties expanded) of one school unit.
 * Each person must carry the relations that make them one (enrolments, or the expanded duties):
 * a list without them is an error, never a list of nobody.
 */
export async function listPersonsOf(
	session: Ss12000Session,
	schoolUnitId: string,
	role: Role,
): Promise<Ss12000Person[]> {
	const action = `Reading the ${WHO[role]} of school unit ${schoolUnitId}`;
	const filters =
		role === 'student'
			? {
					[PERSON_QUERY.relationType]: PERSON_QUERY.enrolment,
					[PERSON_QUERY.relationOrganisation]: schoolUnitId,
				}
			: {
					[PERSON_QUERY.relationType]: PERSON_QUERY.duty,
					[PERSON_QUERY.relationOrganisation]: schoolUnitId,
					[PERSON_QUERY.expand]: PERSON_QUERY.expandDuties,
				};
	const records = await readList(session, PATHS.persons, filters, action);
	const relation = role === 'student' ? 'enrolments' : 'duties';
	const without = records.find((record) => !Array.isArray(record[relation]));
	if (without)
		throw unexpectedAnswer(
			session,
			action,
			`persons without "${relation}"${role === 'teacher' ? ' (expand=duties was asked for)' : ''}`,
		);
	return records as unknown as Ss12000Person[];
}
