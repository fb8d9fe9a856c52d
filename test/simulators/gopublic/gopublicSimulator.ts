/**
 * A local GoPublic member import (docs/apis.md), for tests and the demo.
 *
 *   POST /backend/member/import-by-api-key   headers x-api-key, Content-Type: application/json
 *
 * Answers: 200 with a summary; 400 with `{message, errors: [{index, field, message}]}` when any
 * member is invalid (the whole batch, nothing written); 401 for a missing or wrong key (assumed);
 * 403 with an HTML "Access Denied" page while `refuseCallers` is on (what an IP whitelist refusal
 * looks like); 415 for a body that is not JSON.
 *
 * Extra control route: PUT /__sim/gopublic  body `{ refuseCallers?: boolean, roles?: string[],
 * successAnswer?: SuccessAnswer }` (successAnswer: how a successful import is answered).
 */
import {
	API_KEY_HEADER,
	IMPORT_PATH,
	type MemberPayload,
} from '../../../nodes/GoPublic/transport/apiContract';
import {
	startSimulator,
	type RunningSimulator,
	type SimRequest,
	type SimResponse,
} from '../kit/simulatorServer';
import {
	distinctMembers,
	importMembers,
	type GoPublicState,
	type SuccessAnswer,
} from './memberImport';
import type { ImportSummary } from '../../../nodes/GoPublic/transport/apiContract';

export const GOPUBLIC_TEST_KEY = 'gp-test-key-5f3a9c1e7b2d';
export const GOPUBLIC_TEST_ORIGIN = 'https://intra.nordskolen.dk';
/** Roles that exist in the simulated back office (Danish and Swedish schools). */
export const GOPUBLIC_ROLES = [
	'Medarbejder',
	'Leder',
	'Lærer',
	'Elev',
	'Personale',
	'Lärare',
	'Rektor',
];

export const ACCESS_DENIED_PAGE =
	'<html><head><title>403 Forbidden</title></head><body><h1>Access Denied</h1>' +
	'<p>You do not have permission to access this resource.</p></body></html>';

export interface GoPublicSimulatorOptions {
	port?: number;
	/** Roles that exist; defaults to GOPUBLIC_ROLES. */
	roles?: string[];
	/** Members present from the start, in import form. */
	members?: MemberPayload[];
	apiKey?: string;
}

export type GoPublicSimulator = RunningSimulator<GoPublicState> & {
	/** Turn the IP whitelist refusal (403) on or off. */
	refuseCallers(on: boolean): void;
	/** How successful imports are answered from now on. */
	answerSuccessWith(answer: SuccessAnswer): void;
};

const json = (status: number, body: unknown): SimResponse => ({ status, body });

function successResponse(answer: SuccessAnswer, summary: ImportSummary): SimResponse {
	const { results, ...counts } = summary;
	switch (answer) {
		case 'summary':
			return json(200, summary);
		case 'countsOnly':
			return json(200, { imported: results.length, ...counts });
		case 'empty':
			return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: '' };
		case 'text':
			return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'OK' };
		case 'accepted':
			return json(202, { message: `${results.length} members queued for import` });
		case 'noContent':
			return { status: 204, body: '' };
	}
}

function seedState(options: GoPublicSimulatorOptions): GoPublicState {
	const state: GoPublicState = {
		roles: new Set(options.roles ?? GOPUBLIC_ROLES),
		members: new Map(),
		refuseCallers: false,
		origins: [],
		batchSizes: [],
		received: [],
		successAnswer: 'summary',
	};
	if (options.members?.length) {
		const outcome = importMembers(state, { members: options.members }, '2024-01-01T00:00:00.000Z');
		if (outcome.kind === 'invalid')
			throw new Error(`Invalid seed members: ${JSON.stringify(outcome.problems)}`);
	}
	return state;
}

export function describeGoPublicState(state: GoPublicState) {
	return {
		roles: [...state.roles],
		refuseCallers: state.refuseCallers,
		successAnswer: state.successAnswer,
		origins: state.origins,
		batchSizes: state.batchSizes,
		members: distinctMembers(state),
	};
}

export async function startGoPublicSimulator(
	options: GoPublicSimulatorOptions = {},
): Promise<GoPublicSimulator> {
	const apiKey = options.apiKey ?? GOPUBLIC_TEST_KEY;
	let current: GoPublicState | undefined;
	const state = () => current!;

	const authorize = (req: SimRequest): SimResponse | undefined => {
		if (state().refuseCallers) {
			return {
				status: 403,
				headers: { 'Content-Type': 'text/html; charset=utf-8' },
				body: ACCESS_DENIED_PAGE,
			};
		}
		const given = req.headers[API_KEY_HEADER];
		if (given === undefined || given === '')
			return json(401, { message: `Missing ${API_KEY_HEADER} header` });
		if (given !== apiKey) return json(401, { message: 'Invalid API key' });
		return undefined;
	};

	const importRoute = (req: SimRequest): SimResponse => {
		const contentType = String(req.headers['content-type'] ?? '');
		if (!contentType.toLowerCase().startsWith('application/json')) {
			return json(415, { message: 'Content-Type must be application/json' });
		}
		let body: unknown;
		try {
			body = JSON.parse(req.bodyText);
		} catch {
			return json(400, {
				message: 'Body is not valid JSON',
				errors: [{ index: null, field: '', message: 'not JSON' }],
			});
		}
		if (typeof req.headers.origin === 'string') state().origins.push(req.headers.origin);
		const outcome = importMembers(state(), body);
		if (outcome.kind === 'invalid')
			return json(400, { message: 'Validation failed', errors: outcome.problems });
		return successResponse(state().successAnswer, outcome.summary);
	};

	const sim = await startSimulator<GoPublicState>(
		{
			name: 'gopublic',
			basePath: '',
			authorize,
			routes: [{ method: 'POST', pattern: IMPORT_PATH, handle: importRoute }],
			seed: () => {
				current = seedState(options);
				return current;
			},
			describeState: describeGoPublicState,
			controlRoutes: [
				{
					method: 'PUT',
					pattern: '/__sim/gopublic',
					handle: (req) => {
						const change = JSON.parse(req.bodyText || '{}') as {
							refuseCallers?: boolean;
							roles?: string[];
							successAnswer?: SuccessAnswer;
						};
						if (change.refuseCallers !== undefined) state().refuseCallers = change.refuseCallers;
						if (change.roles) state().roles = new Set(change.roles);
						if (change.successAnswer) state().successAnswer = change.successAnswer;
						return json(200, describeGoPublicState(state()));
					},
				},
			],
		},
		{ port: options.port },
	);
	const originalLoad = sim.load.bind(sim);
	return Object.assign(sim, {
		load(next: GoPublicState) {
			current = next;
			originalLoad(next);
		},
		refuseCallers(on: boolean) {
			state().refuseCallers = on;
		},
		answerSuccessWith(answer: SuccessAnswer) {
			state().successAnswer = answer;
		},
	});
}
