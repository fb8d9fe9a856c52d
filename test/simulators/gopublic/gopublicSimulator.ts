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
	malformedIndex,
	type GoPublicState,
	type MalformedIndex,
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
	/** Per-member statuses in other words from now on, e.g. { failed: 'FAILED' }. */
	answerStatusesWith(words: GoPublicState['statusWords']): void;
	/** These e-mail addresses are refused (400) as used by another member. */
	takeEmails(emails: string[]): void;
	/** The next `answers` validation errors (400) give malformed member indexes. */
	malformIndexes(kind: MalformedIndex, answers: number): void;
};

const json = (status: number, body: unknown): SimResponse => ({ status, body });

function successResponse(state: GoPublicState, summary: ImportSummary): SimResponse {
	const { results, ...counts } = summary;
	switch (state.successAnswer) {
		case 'summary':
			return json(200, {
				...summary,
				results: results.map((result) => ({
					...result,
					status: state.statusWords[result.status] ?? result.status,
				})),
			});
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
		statusWords: {},
		takenEmails: new Set(),
		malformedIndexes: { kind: 'negative', answers: 0 },
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
		if (outcome.kind === 'invalid') {
			const malformed = state().malformedIndexes;
			const size = state().batchSizes.at(-1) ?? 0;
			const errors =
				malformed.answers > 0
					? outcome.problems.map((problem) => ({
							...problem,
							index:
								problem.index === null ? null : malformedIndex(malformed.kind, problem.index, size),
						}))
					: outcome.problems;
			if (malformed.answers > 0) malformed.answers--;
			return json(400, { message: 'Validation failed', errors });
		}
		return successResponse(state(), outcome.summary);
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
		answerStatusesWith(words: GoPublicState['statusWords']) {
			state().statusWords = words;
		},
		takeEmails(emails: string[]) {
			state().takenEmails = new Set(emails.map((email) => email.toLowerCase()));
		},
		malformIndexes(kind: MalformedIndex, answers: number) {
			state().malformedIndexes = { kind, answers };
		},
	});
}
