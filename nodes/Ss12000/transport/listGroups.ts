import { GROUP_QUERY, PATHS, type Group } from './apiContract';
import { readList } from './readList';
import type { Ss12000Session } from './ss12000Session';

/** The groups of one school unit, with their members; of one group type when given (e.g. Klass). */
export async function listGroupsOf(
	session: Ss12000Session,
	schoolUnitId: string,
	groupType?: string,
): Promise<Group[]> {
	const filters = {
		[GROUP_QUERY.organisation]: schoolUnitId,
		...(groupType ? { [GROUP_QUERY.groupType]: groupType } : {}),
	};
	const records = await readList(
		session,
		PATHS.groups,
		filters,
		`Reading the groups of school unit ${schoolUnitId}`,
	);
	// A provider that ignores the filter: keep only this unit's groups (and type).
	return (records as unknown as Group[]).filter(
		(group) =>
			(!group.organisation?.id || group.organisation.id === schoolUnitId) &&
			(!groupType || !group.groupType || group.groupType === groupType),
	);
}
