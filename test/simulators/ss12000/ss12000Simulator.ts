/**
 * An SS 12000 API as Skolverket's reference API (its OpenAPI file, docs/apis.md) and the
 * standard's client describe it, with an OAuth2 client-credentials token endpoint in front.
 *
 *   POST /oauth2/token                 grant_type=client_credentials; client by Basic auth or in the form
 *   GET  /ss12000/v2/organisations     { organisations: [...] } as the reference API answers (or
 *                                      { data, pageToken } after configure({ organisationsKey: 'data' }))
 *   GET  /ss12000/v2/persons           relationship.entity.type (enrolment | duty), relationship.organisation,
 *                                      expand=duties, limit, pageToken
 *   GET  /ss12000/v2/groups            organisation, groupType, limit, pageToken
 *
 * Lists page with `limit` and an opaque `pageToken` (null on the last page); a pageToken sent with
 * filters is refused with 400, as the standard says. Tokens: a fixed one (SS12000_FIXED_TOKEN) and
 * those the token endpoint gives; they expire after `tokenLifetimeSeconds`. The limited client's
 * tokens read organisations and get 403 on the rest. Switches (configure, or PUT /__sim/ss12000):
 * refuseClients (the token endpoint answers 401 invalid_client and every token given is revoked),
 * organisationsKey, tokenLifetimeSeconds, ignoreExpand, maxPageSize, badAnswer; POST /__sim/ss12000/revoke-tokens revokes every token
 * given so far. The kit's fault switches give 429 and 5xx.
 */
import { randomBytes } from 'node:crypto';

import type { PeopleWorld, Person } from '../seed/people';
import { defaultWorld } from '../admentum/seedAdmentum';
import {
	startSimulator,
	type RunningSimulator,
	type SimRequest,
	type SimResponse,
} from '../kit/simulatorServer';
import {
	classGroups,
	ORGANISER_UUID,
	relatedTo,
	schoolUnitUuid,
	ss12000Person,
} from './seedSs12000';

export const SS12000_API_PATH = '/ss12000/v2';
export const SS12000_TOKEN_PATH = '/oauth2/token';
export const SS12000_CLIENT_ID = 'n8n-directory-sync';
export const SS12000_CLIENT_SECRET = 'ss12k-secret-7f3a9c2e51';
export const SS12000_LIMITED_CLIENT_ID = 'n8n-organisations-only';
export const SS12000_LIMITED_CLIENT_SECRET = 'ss12k-limited-secret-0b8e44';
export const SS12000_FIXED_TOKEN = 'ss12k-fixed-token-d41c7a90';
export const PAGE_SIZE = { default: 100, max: 1000 };

export interface Ss12000Settings {
	organisationsKey: 'organisations' | 'data';
	tokenLifetimeSeconds: number;
	refuseClients: boolean;
	/** A provider that does not expand duties on persons. */
	ignoreExpand: boolean;
	/** The most records a page holds, whatever `limit` asks for. */
	maxPageSize: number;
	/** 'htmlLoginPage': every list answers 200 with an HTML page. */
	badAnswer: 'none' | 'htmlLoginPage';
}

export const DEFAULT_SETTINGS: Ss12000Settings = {
	organisationsKey: 'organisations',
	tokenLifetimeSeconds: 3600,
	refuseClients: false,
	ignoreExpand: false,
	maxPageSize: PAGE_SIZE.max,
	badAnswer: 'none',
};

interface GivenToken {
	client: string;
	expires: number;
}

export interface Ss12000State {
	world: PeopleWorld;
	settings: Ss12000Settings;
	tokens: Map<string, GivenToken>;
	/** Tokens given so far (the e2e tests look for them in n8n's data). */
	tokensGiven: string[];
}

export interface Ss12000Simulator extends RunningSimulator<Ss12000State> {
	/** origin + /ss12000/v2: the credential's API address. */
	apiUrl: string;
	tokenUrl: string;
	configure(changes: Partial<Ss12000Settings>): Ss12000Settings;
	revokeTokens(): void;
}

const CLIENTS: Record<string, { secret: string; access: 'everything' | 'organisations' }> = {
	[SS12000_CLIENT_ID]: { secret: SS12000_CLIENT_SECRET, access: 'everything' },
	[SS12000_LIMITED_CLIENT_ID]: { secret: SS12000_LIMITED_CLIENT_SECRET, access: 'organisations' },
};

const error = (status: number, code: string, message: string): SimResponse => ({
	status,
	body: { code, message },
});

const FILTER_KEYS = [/^relationship\./, /^meta\./, /^expand$/, /^organisation$/, /^groupType$/];

function clientOf(req: SimRequest): { id: string; secret: string } | undefined {
	const header = String(req.headers.authorization ?? '');
	const basic = /^Basic\s+(\S+)$/i.exec(header);
	if (basic) {
		const [id, ...rest] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
		return { id: decodeURIComponent(id), secret: decodeURIComponent(rest.join(':')) };
	}
	const form = new URLSearchParams(req.bodyText);
	const id = form.get('client_id');
	return id ? { id, secret: form.get('client_secret') ?? '' } : undefined;
}

/** One page of `all`, or the 400 the standard prescribes for a pageToken sent with filters. */
function page(
	req: SimRequest,
	maxPageSize: number,
	compute: (query: URLSearchParams) => unknown[],
	key = 'data',
) {
	const token = req.query.get('pageToken');
	let query = req.query;
	let offset = 0;
	if (token) {
		if ([...req.query.keys()].some((name) => FILTER_KEYS.some((pattern) => pattern.test(name))))
			return error(400, 'BadRequest', 'Filter kan inte kombineras med pageToken');
		try {
			const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
				q: string;
				o: number;
			};
			query = new URLSearchParams(decoded.q);
			offset = decoded.o;
		} catch {
			return error(400, 'BadRequest', 'Ogiltig pageToken');
		}
	}
	const limitText = req.query.get('limit') ?? query.get('limit');
	const limit = limitText === null ? PAGE_SIZE.default : Number(limitText);
	if (!Number.isInteger(limit) || limit < 1) return error(400, 'BadRequest', 'limit');
	const size = Math.min(limit, maxPageSize);
	const all = compute(query);
	const next = offset + size < all.length ? offset + size : null;
	return {
		status: 200,
		body: {
			[key]: all.slice(offset, offset + size),
			pageToken:
				next === null
					? null
					: Buffer.from(JSON.stringify({ q: query.toString(), o: next })).toString('base64url'),
		},
	};
}

function persons(state: Ss12000State, query: URLSearchParams): unknown[] {
	const relation = query.get('relationship.entity.type');
	const organisation = query.get('relationship.organisation');
	const withDuties =
		!state.settings.ignoreExpand && (query.get('expand') ?? '').split(',').includes('duties');
	return state.world.people
		.filter((p: Person) => !relation || !organisation || relatedTo(p, relation, organisation))
		.map((p) => ss12000Person(p, withDuties));
}

function organisations(state: Ss12000State): Array<Record<string, unknown>> {
	const typed = state.settings.organisationsKey === 'data';
	return [
		{
			id: ORGANISER_UUID,
			displayName: 'Exempel kommun',
			...(typed ? { organisationType: 'Huvudman' } : {}),
		},
		...state.world.schools.map((school) => ({
			id: schoolUnitUuid(school.id),
			displayName: school.name,
			schoolUnitCode: String(10_000_000 + school.id),
			...(typed ? { organisationType: 'Skolenhet' } : {}),
		})),
	];
}

export async function startSs12000Simulator(
	options: { port?: number; world?: PeopleWorld } = {},
): Promise<Ss12000Simulator> {
	const seed = (): Ss12000State => ({
		world: structuredClone(options.world ?? defaultWorld()),
		settings: { ...DEFAULT_SETTINGS },
		tokens: new Map(),
		tokensGiven: [],
	});
	let sim: RunningSimulator<Ss12000State> | undefined;
	const state = () => sim!.state;
	const configure = (changes: Partial<Ss12000Settings>) => {
		state().settings = { ...state().settings, ...changes };
		if (changes.refuseClients) state().tokens.clear();
		return state().settings;
	};
	const revokeTokens = () => state().tokens.clear();

	const issueToken = (req: SimRequest): SimResponse => {
		const form = new URLSearchParams(req.bodyText);
		if (form.get('grant_type') !== 'client_credentials')
			return { status: 400, body: { error: 'unsupported_grant_type' } };
		const client = clientOf(req);
		const known = client && CLIENTS[client.id];
		if (!known || known.secret !== client.secret || state().settings.refuseClients)
			return {
				status: 401,
				body: { error: 'invalid_client', error_description: 'Client authentication failed' },
			};
		const token = `ss12k-at-${randomBytes(12).toString('hex')}`;
		const lifetime = state().settings.tokenLifetimeSeconds;
		state().tokens.set(token, { client: client.id, expires: Date.now() + lifetime * 1000 });
		state().tokensGiven.push(token);
		return {
			status: 200,
			body: { access_token: token, token_type: 'Bearer', expires_in: lifetime },
		};
	};

	sim = await startSimulator<Ss12000State>(
		{
			name: 'ss12000',
			basePath: '',
			seed,
			authorize(req) {
				if (req.path === SS12000_TOKEN_PATH) return undefined;
				const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
				if (!bearer) return error(401, 'Unauthorized', 'Bearer token saknas');
				if (state().settings.badAnswer === 'htmlLoginPage')
					return {
						status: 200,
						headers: { 'Content-Type': 'text/html' },
						body: '<!DOCTYPE html><html><body><form>Logga in</form></body></html>',
					};
				if (bearer === SS12000_FIXED_TOKEN) return undefined;
				const given = state().tokens.get(bearer);
				if (!given || given.expires < Date.now())
					return error(401, 'Unauthorized', 'Ogiltig eller utgången token');
				if (
					CLIENTS[given.client]?.access === 'organisations' &&
					!req.path.endsWith('/organisations')
				)
					return error(403, 'Forbidden', 'Åtkomst nekad');
				return undefined;
			},
			routes: [
				{ method: 'POST', pattern: SS12000_TOKEN_PATH, handle: issueToken },
				{
					method: 'GET',
					pattern: `${SS12000_API_PATH}/organisations`,
					handle: (req) =>
						state().settings.organisationsKey === 'organisations'
							? { status: 200, body: { organisations: organisations(state()) } }
							: page(req, state().settings.maxPageSize, () => organisations(state())),
				},
				{
					method: 'GET',
					pattern: `${SS12000_API_PATH}/persons`,
					handle: (req) =>
						page(req, state().settings.maxPageSize, (query) => persons(state(), query)),
				},
				{
					method: 'GET',
					pattern: `${SS12000_API_PATH}/groups`,
					handle: (req) =>
						page(req, state().settings.maxPageSize, (query) =>
							classGroups(state().world).filter(
								(group) =>
									(!query.get('organisation') ||
										(group.organisation as { id: string }).id === query.get('organisation')) &&
									(!query.get('groupType') || group.groupType === query.get('groupType')),
							),
						),
				},
			],
			controlRoutes: [
				{
					method: 'GET',
					pattern: '/__sim/ss12000',
					handle: () => ({ status: 200, body: state().settings }),
				},
				{
					method: 'PUT',
					pattern: '/__sim/ss12000',
					handle: (req) => ({
						status: 200,
						body: configure(JSON.parse(req.bodyText || '{}') as Partial<Ss12000Settings>),
					}),
				},
				{
					method: 'POST',
					pattern: '/__sim/ss12000/revoke-tokens',
					handle: () => {
						revokeTokens();
						return { status: 200, body: { revoked: true } };
					},
				},
			],
			describeState: (s) => ({
				settings: s.settings,
				world: s.world,
				tokensGiven: s.tokensGiven.length,
			}),
		},
		{ port: options.port },
	);
	return Object.assign(sim, {
		apiUrl: sim.origin + SS12000_API_PATH,
		tokenUrl: sim.origin + SS12000_TOKEN_PATH,
		configure,
		revokeTokens,
	});
}
