/**
 * The workflow every Learnifier node test runs, as an admin would wire it:
 * Manual Trigger → Input (a No Op whose output is pinned: the items) → Learnifier.
 * The node talks to a Learnifier simulator over HTTP with the simulator's test credential.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	runWorkflow,
	START_NODE,
	type RunResult,
	type WorkflowJson,
} from '../runWorkflow';
import {
	LEARNIFIER_TEST_KEY,
	LEARNIFIER_TEST_SECRET,
	type LearnifierSimulator,
} from '../../simulators/learnifier/learnifierSimulator';

export const LEARNIFIER = 'Learnifier';

export interface LearnifierRun {
	/** Items fed into the node (default: one empty item). */
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** n8n's Retry On Fail node setting (3 tries, no wait). */
	retryOnFail?: boolean;
	credentials?: { apiKey: string; apiSecret: string };
}

export function learnifierWorkflow(
	parameters: INodeParameters,
	run: LearnifierRun = {},
): WorkflowJson {
	return {
		name: 'Learnifier node test',
		nodes: [
			START_NODE,
			{
				id: 'input',
				name: 'Input',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [200, 0],
				parameters: {},
			},
			{
				id: 'learnifier',
				name: LEARNIFIER,
				type: 'n8n-nodes-directory-sync.learnifier',
				typeVersion: 1,
				position: [400, 0],
				parameters: { resource: 'user', ...parameters },
				credentials: { learnifierApi: { id: '1', name: 'Learnifier (simulator)' } },
				...(run.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				...(run.retryOnFail ? { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 } : {}),
			},
		],
		connections: {
			Start: { main: [[{ node: 'Input', type: 'main', index: 0 }]] },
			Input: { main: [[{ node: LEARNIFIER, type: 'main', index: 0 }]] },
		},
		pinData: { Input: (run.items ?? [{}]).map((json) => ({ json })) },
	};
}

export async function runLearnifier(
	sim: LearnifierSimulator,
	parameters: INodeParameters,
	run: LearnifierRun = {},
): Promise<RunResult> {
	const { apiKey, apiSecret } = run.credentials ?? {
		apiKey: LEARNIFIER_TEST_KEY,
		apiSecret: LEARNIFIER_TEST_SECRET,
	};
	return await runWorkflow(learnifierWorkflow(parameters, run), {
		credentials: { learnifierApi: { baseUrl: sim.url, apiKey, apiSecret } },
	});
}

/** Options that keep retries quick in tests (Retry-After is 1 s in the simulator). */
export const QUICK_RETRIES = { maxRetryWaitSeconds: 2 };

/** The simulator's users with this external id (to prove "exactly once"). */
export const usersWithExternalId = (sim: LearnifierSimulator, externalId: string) =>
	sim.state.users.all().filter((user) => user.externalId === externalId);

export const writes = (sim: LearnifierSimulator) => sim.requests.filter((r) => r.method !== 'GET');
