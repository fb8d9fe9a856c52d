import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { openSession, type VariantChoice } from '../../transport/admentumSession';
import { reportPushBack } from '../../../shared/reportPushBack';
import { listSchools } from '../../transport/listSchools';
import { apiVariantOption, returnAllAndLimit } from '../common.description';
import { displayOnlyFor } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [
	...returnAllAndLimit('school units'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [apiVariantOption],
	},
];

export const description = displayOnlyFor(
	{ resource: ['school'], operation: ['getAll'] },
	properties,
);

/** One item per school unit the API key can read: `{ id, name, code }` (id as text). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const session = await openSession(this, (options.apiVariant as VariantChoice) ?? 'fromAddress');
	let schools = await listSchools(session);
	if (!this.getNodeParameter('returnAll', 0, true))
		schools = schools.slice(0, this.getNodeParameter('limit', 0) as number);
	reportPushBack(this, 'Admentum', session.stats);
	return [schools.map((school) => ({ json: { ...school }, pairedItem: { item: 0 } })), []];
}
