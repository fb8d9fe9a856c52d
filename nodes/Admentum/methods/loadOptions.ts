import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { openSession, type VariantChoice } from '../transport/admentumSession';
import { listSchools } from '../transport/listSchools';

/** The school units the API key can read, for the "School Unit Names or IDs" picker. */
export async function getSchools(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const options = (this.getCurrentNodeParameter('options') ?? {}) as IDataObject;
	const session = await openSession(this, (options.apiVariant as VariantChoice) ?? 'fromAddress');
	const schools = await listSchools(session);
	return schools.map((school) => ({
		name: `${school.name} (${school.id})`,
		value: school.id,
		description: school.code ? `Code ${school.code}` : undefined,
	}));
}
