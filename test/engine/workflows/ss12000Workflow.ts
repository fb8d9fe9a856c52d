/**
 * The workflow every SS 12000 node test runs, as an admin would build it: Manual Trigger → SS 12000
 * (both outputs, "Main" and "No Email", are read from the run).
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, START_NODE, type RunResult } from '../runWorkflow';
import {
	SS12000_CLIENT_ID,
	SS12000_CLIENT_SECRET,
	type Ss12000Simulator,
} from '../../simulators/ss12000/ss12000Simulator';

export const SS12000 = 'SS 12000';
export const NODE_TYPE = 'n8n-nodes-directory-sync.ss12000';
export const CREDENTIAL_NAME = 'SS 12000 (simulator)';

/** Client-credentials data for the simulator; pass the same object again to keep its stored token. */
export function ss12000Credential(
	sim: Ss12000Simulator,
	changes: Record<string, unknown> = {},
): ICredentialDataDecryptedObject {
	return {
		apiAddress: sim.apiUrl,
		authentication: 'clientCredentials',
		tokenUrl: sim.tokenUrl,
		clientId: SS12000_CLIENT_ID,
		clientSecret: SS12000_CLIENT_SECRET,
		scope: '',
		clientAuthentication: 'header',
		...changes,
	};
}

export function runSs12000(
	parameters: INodeParameters,
	credential: ICredentialDataDecryptedObject,
	settings: { continueOnFail?: boolean } = {},
): Promise<RunResult> {
	return runWorkflow(
		{
			name: 'SS 12000 node test',
			nodes: [
				START_NODE,
				{
					id: 'ss12000',
					name: SS12000,
					type: NODE_TYPE,
					typeVersion: 1,
					position: [200, 0],
					parameters,
					credentials: { ss12000Api: { id: 'ss12000-test', name: CREDENTIAL_NAME } },
					...(settings.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				},
			],
			connections: { Start: { main: [[{ node: SS12000, type: 'main', index: 0 }]] } },
		},
		{ credentials: { ss12000Api: credential } },
	);
}

/** Parameters for Person → Get Many. */
export const readPersons = (
	schoolIds: unknown,
	options: INodeParameters = {},
	more: INodeParameters = {},
): INodeParameters => ({
	resource: 'person',
	operation: 'getAll',
	roles: 'both',
	schoolIds: schoolIds as INodeParameters['schoolIds'],
	returnAll: true,
	options,
	...more,
});

/** Parameters for Organisation (school units) → Get Many. */
export const readSchoolUnits = (more: INodeParameters = {}): INodeParameters => ({
	resource: 'organisation',
	operation: 'getAll',
	returnAll: true,
	...more,
});

/** Parameters for Group → Get Many. */
export const readGroups = (schoolIds: unknown, more: INodeParameters = {}): INodeParameters => ({
	resource: 'group',
	operation: 'getAll',
	schoolIds: schoolIds as INodeParameters['schoolIds'],
	groupType: 'Klass',
	returnAll: true,
	...more,
});
