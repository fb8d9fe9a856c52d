import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/router';
import * as group from './group';
import * as organisation from './organisation';
import * as person from './person';

/** Runs the chosen operation once (it reads lists; incoming items only start it). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, {
		person: person.operations,
		organisation: organisation.operations,
		group: group.operations,
	});
}
