import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listSchoolUnits } from '../transport/listOrganisations';
import { openSession } from '../transport/ss12000Session';

/** The school units the client can read, for the "School Unit Names or IDs" picker. */
export async function getSchoolUnits(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const units = await listSchoolUnits(await openSession(this));
	return units.map((unit) => ({
		name: `${unit.displayName || unit.id}${unit.schoolUnitCode ? ` (${unit.schoolUnitCode})` : ''}`,
		value: unit.id,
		description: unit.schoolUnitCode ? `Skolenhetskod ${unit.schoolUnitCode}` : undefined,
	}));
}
