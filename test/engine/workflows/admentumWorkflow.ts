/**
 * The workflow every Admentum node test runs, as an admin would build it: Manual Trigger →
 * Admentum, with a No Op after each output ("Main", "No Email").
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, START_NODE, type RunResult } from '../runWorkflow';
import { ADMENTUM_TEST_KEY } from '../../simulators/admentum/admentumSimulator';

export const ADMENTUM = 'Admentum';
export const NODE_TYPE = 'n8n-nodes-directory-sync.admentum';

export function admentumCredential(
	apiAddress: string,
	changes: Partial<{ apiKey: string; keyPlacement: string; headerName: string }> = {},
): ICredentialDataDecryptedObject {
	return {
		apiAddress,
		apiKey: ADMENTUM_TEST_KEY,
		keyPlacement: 'token',
		headerName: 'X-Api-Key',
		...changes,
	};
}

export function runAdmentum(
	parameters: INodeParameters,
	credential: ICredentialDataDecryptedObject,
	settings: { continueOnFail?: boolean } = {},
): Promise<RunResult> {
	return runWorkflow(
		{
			name: 'Admentum node test',
			nodes: [
				START_NODE,
				{
					id: 'admentum',
					name: ADMENTUM,
					type: NODE_TYPE,
					typeVersion: 1,
					position: [200, 0],
					parameters,
					credentials: { admentumApi: { id: 'admentum-test', name: 'Admentum (simulator)' } },
					...(settings.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				},
			],
			connections: { Start: { main: [[{ node: ADMENTUM, type: 'main', index: 0 }]] } },
		},
		{ credentials: { admentumApi: credential } },
	);
}

/** Parameters for Person → Get Many. */
export const readPeople = (
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
