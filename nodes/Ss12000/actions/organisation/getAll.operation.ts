import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { displayOnlyFor } from '../../../shared/displayOptions';
import { reportPushBack } from '../../../shared/reportPushBack';
import { listSchoolUnits } from '../../transport/listOrganisations';
import { openSession } from '../../transport/ss12000Session';
import { returnAllAndLimit } from '../common.description';

const properties: INodeProperties[] = [...returnAllAndLimit('school units')];

export const description = displayOnlyFor(
	{ resource: ['organisation'], operation: ['getAll'] },
	properties,
);

/** One item per school unit the client can read: `{ id, name, code }`, as the Admentum node has them. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const session = await openSession(this);
	let units = await listSchoolUnits(session);
	if (!this.getNodeParameter('returnAll', 0, true))
		units = units.slice(0, this.getNodeParameter('limit', 0) as number);
	reportPushBack(this, 'SS 12000', session.stats);
	return [
		units.map((unit) => ({
			json: { id: unit.id, name: unit.displayName ?? '', code: unit.schoolUnitCode ?? null },
			pairedItem: { item: 0 },
		})),
		[],
	];
}
