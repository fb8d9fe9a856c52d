/**
 * Admentum, as docs/apis.md describes it (confirmed and assumed parts alike), on one
 * server: the CSV export API under /api/csv/v1 and the JSON (Django REST style) API under /api/v1.
 *
 * Keys: ADMENTUM_TEST_KEY reads everything; ADMENTUM_SCHOOLS_ONLY_KEY reads schools and gets 403
 * on people. Sent as `Authorization: Token <key>` or `Bearer <key>`, or, after
 * `configure({ keyHeader: 'X-Api-Key' })`, as the bare key in that header.
 *
 * Besides the kit's fault switches, bad answers a real night can bring (settable in-process with
 * `configure`, or from outside with `PUT /__sim/admentum`; `POST /__sim/reset` turns them off):
 *   badAnswer 'htmlLoginPage'  every list answers 200 with an HTML login page
 *             'wrongColumns'   people lists come with other column / field names
 *             'truncated'      people lists are cut off mid-row (CSV) or mid-document (JSON)
 *             'noResultsList'  JSON people pages without `results`
 *   populationShare            only this share (0..1) of the people exists, e.g. 0.4
 */
import type { PeopleWorld, Person, School } from '../seed/people';
import {
	startSimulator,
	type RunningSimulator,
	type SimRequest,
	type SimResponse,
} from '../kit/simulatorServer';
import { cutMidRow, toCsv } from './csvExport';
import { defaultWorld, withTrickyValues, type TrickyPeople } from './seedAdmentum';

export const ADMENTUM_TEST_KEY = 'adm-test-key-5e1c9a7d';
export const ADMENTUM_SCHOOLS_ONLY_KEY = 'adm-schools-only-key-b42f';
export const ADMENTUM_CSV_PATH = '/api/csv/v1';
export const ADMENTUM_JSON_PATH = '/api/v1';

/** Columns of the CSV export, in order. */
export const CSV_COLUMNS = {
	schools: ['id', 'name', 'code'],
	students: [
		'id',
		'eid',
		'guid',
		'first_name',
		'last_name',
		'email',
		'school_id',
		'class_name',
		'personnummer',
	],
	teachers: [
		'id',
		'eid',
		'guid',
		'first_name',
		'last_name',
		'email',
		'school_id',
		'title',
		'personnummer',
	],
} as const;
/** What the people lists say under 'wrongColumns' (a report someone "improved"). */
export const WRONG_CSV_COLUMNS = ['ID', 'Förnamn', 'Efternamn', 'E-post', 'Skola'];

/** `role` in the JSON API: students are 1 (confirmed), teachers 2 (assumed). */
export const JSON_ROLE = { student: 1, teacher: 2 } as const;
export const JSON_PAGE_SIZE = { default: 50, max: 1000 };

export type BadAnswer = 'none' | 'htmlLoginPage' | 'wrongColumns' | 'truncated' | 'noResultsList';

export interface AdmentumSettings {
	/** 'Authorization' accepts `Token <key>` and `Bearer <key>`; any other name is a header carrying the bare key. */
	keyHeader: string;
	badAnswer: BadAnswer;
	populationShare: number;
}

export const DEFAULT_SETTINGS: AdmentumSettings = {
	keyHeader: 'Authorization',
	badAnswer: 'none',
	populationShare: 1,
};

export interface AdmentumState {
	world: PeopleWorld;
	tricky: TrickyPeople;
	settings: AdmentumSettings;
}

export interface AdmentumSimulator extends RunningSimulator<AdmentumState> {
	/** origin + /api/csv/v1 */
	csvUrl: string;
	/** origin + /api/v1 */
	jsonUrl: string;
	configure(changes: Partial<AdmentumSettings>): AdmentumSettings;
}

const KEYS: Record<string, 'everything' | 'schools'> = {
	[ADMENTUM_TEST_KEY]: 'everything',
	[ADMENTUM_SCHOOLS_ONLY_KEY]: 'schools',
};

const HTML_LOGIN_PAGE =
	'<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8"><title>Logga in – Admentum</title></head>\n' +
	'<body><form method="post" action="/login/"><input name="username"><input name="password" type="password">' +
	'<button>Logga in</button></form></body></html>\n';

const csvAnswer = (body: string): SimResponse => ({
	status: 200,
	headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	body,
});
const detail = (status: number, text: string): SimResponse => ({ status, body: { detail: text } });

function presentedKey(req: SimRequest, keyHeader: string): string | undefined {
	const value = req.headers[keyHeader.toLowerCase()];
	const text = (Array.isArray(value) ? value[0] : value)?.trim();
	if (!text) return undefined;
	if (keyHeader.toLowerCase() !== 'authorization') return text;
	return /^(Token|Bearer)\s+(\S+)$/i.exec(text)?.[2] ?? '';
}

/** The people that exist under the population switch: the first share of the world, in order. */
function population(state: AdmentumState): Person[] {
	const { people } = state.world;
	const share = Math.min(1, Math.max(0, state.settings.populationShare));
	return share >= 1 ? people : people.slice(0, Math.round(people.length * share));
}

function peopleOf(
	state: AdmentumState,
	role: Person['role'] | undefined,
	schoolId: number | undefined,
) {
	return population(state).filter(
		(p) =>
			(role === undefined || p.role === role) &&
			(schoolId === undefined || p.schoolIds.includes(schoolId)),
	);
}

function optionalNumber(value: string | null): number | undefined | 'invalid' {
	if (value === null || value === '') return undefined;
	return /^\d+$/.test(value) ? Number(value) : 'invalid';
}

/** A person's fields as both variants name them (snake_case, as the JSON API has them). */
function admentumFields(p: Person) {
	return {
		id: p.id,
		eid: p.eid,
		guid: p.guid,
		first_name: p.firstName,
		last_name: p.lastName,
		email: p.email,
		class_name: p.className,
		title: p.title,
		personnummer: p.personnummer,
	};
}

// ---- CSV variant ---------------------------------------------------------------------------

function csvPeople(state: AdmentumState, req: SimRequest, role: Person['role']): SimResponse {
	const schoolId = optionalNumber(req.query.get('school_id'));
	if (schoolId === 'invalid') return detail(400, 'school_id must be a number');
	const badAnswer = state.settings.badAnswer;
	// A person in several schools is one row per school: the school_id column tells them apart.
	const rows = peopleOf(state, role, schoolId).flatMap((p) =>
		p.schoolIds
			.filter((id) => schoolId === undefined || id === schoolId)
			.map((id) => ({ ...admentumFields(p), school_id: id })),
	);
	if (badAnswer === 'wrongColumns') {
		const renamed = rows.map((r) => ({
			ID: r.id,
			Förnamn: r.first_name,
			Efternamn: r.last_name,
			'E-post': r.email,
			Skola: r.school_id,
		}));
		return csvAnswer(toCsv(WRONG_CSV_COLUMNS, renamed));
	}
	const csv = toCsv(role === 'student' ? CSV_COLUMNS.students : CSV_COLUMNS.teachers, rows);
	return csvAnswer(badAnswer === 'truncated' ? cutMidRow(csv) : csv);
}

const csvSchools = (state: AdmentumState): SimResponse =>
	csvAnswer(toCsv(CSV_COLUMNS.schools, state.world.schools));

// ---- JSON variant (Django REST framework style) ---------------------------------------------

function absolute(req: SimRequest, path: string) {
	return `http://${req.headers.host ?? '127.0.0.1'}${path}`;
}

const schoolRef = (req: SimRequest, id: number) => ({
	url: absolute(req, `${ADMENTUM_JSON_PATH}/schools/${id}/`),
	id,
});

function page<T>(req: SimRequest, all: T[]): SimResponse {
	const pageNumber = optionalNumber(req.query.get('page')) ?? 1;
	const requestedSize = optionalNumber(req.query.get('page_size')) ?? JSON_PAGE_SIZE.default;
	if (pageNumber === 'invalid' || requestedSize === 'invalid' || pageNumber < 1)
		return detail(404, 'Invalid page.');
	const size = Math.min(Math.max(1, requestedSize), JSON_PAGE_SIZE.max);
	const pages = Math.max(1, Math.ceil(all.length / size));
	if (pageNumber > pages) return detail(404, 'Invalid page.');
	const link = (n: number) => {
		const query = new URLSearchParams(req.query);
		if (n === 1) query.delete('page');
		else query.set('page', String(n));
		const search = query.toString();
		return absolute(req, req.path + (search ? `?${search}` : ''));
	};
	return {
		status: 200,
		body: {
			count: all.length,
			next: pageNumber < pages ? link(pageNumber + 1) : null,
			previous: pageNumber > 1 ? link(pageNumber - 1) : null,
			results: all.slice((pageNumber - 1) * size, pageNumber * size),
		},
	};
}

function jsonSchools(state: AdmentumState, req: SimRequest): SimResponse {
	return page(
		req,
		state.world.schools.map((s: School) => ({
			...schoolRef(req, s.id),
			name: s.name,
			code: s.code,
		})),
	);
}

function jsonUser(req: SimRequest, p: Person) {
	return {
		url: absolute(req, `${ADMENTUM_JSON_PATH}/users/${p.id}/`),
		...admentumFields(p),
		role: JSON_ROLE[p.role],
		schools: p.schoolIds.map((id) => schoolRef(req, id)),
	};
}

function jsonUsers(state: AdmentumState, req: SimRequest): SimResponse {
	const schoolId = optionalNumber(req.query.get('school'));
	const roleNumber = optionalNumber(req.query.get('role'));
	if (schoolId === 'invalid' || roleNumber === 'invalid')
		return detail(400, 'school and role must be numbers');
	const role = (Object.keys(JSON_ROLE) as Person['role'][]).find(
		(r) => JSON_ROLE[r] === roleNumber,
	);
	if (roleNumber !== undefined && !role)
		return { status: 200, body: { count: 0, next: null, previous: null, results: [] } };
	const answer = page(
		req,
		peopleOf(state, role, schoolId).map((p) => jsonUser(req, p)),
	);
	const body = answer.body as { results?: Array<Record<string, unknown>> } | undefined;
	switch (state.settings.badAnswer) {
		case 'wrongColumns':
			body?.results?.forEach((u) => {
				u.firstName = u.first_name;
				delete u.first_name;
				delete u.last_name;
			});
			return answer;
		case 'noResultsList':
			return { status: 200, body: { detail: 'OK', users: body?.results ?? [] } };
		case 'truncated': {
			const text = JSON.stringify(body);
			return {
				status: 200,
				headers: { 'Content-Type': 'application/json' },
				body: text.slice(0, Math.floor(text.length * 0.6)),
			};
		}
		default:
			return answer;
	}
}

// ---- the server --------------------------------------------------------------------------------

export async function startAdmentumSimulator(
	options: { port?: number; world?: PeopleWorld } = {},
): Promise<AdmentumSimulator> {
	const seed = (): AdmentumState => ({
		...withTrickyValues(options.world ?? defaultWorld()),
		settings: { ...DEFAULT_SETTINGS },
	});
	// Routes read the simulator's current state (it is replaced on reset and load).
	let sim: RunningSimulator<AdmentumState> | undefined;
	const state = () => sim!.state;
	const htmlOr =
		(handle: (s: AdmentumState, req: SimRequest) => SimResponse) =>
		(req: SimRequest): SimResponse =>
			state().settings.badAnswer === 'htmlLoginPage'
				? {
						status: 200,
						headers: { 'Content-Type': 'text/html; charset=utf-8' },
						body: HTML_LOGIN_PAGE,
					}
				: handle(state(), req);
	const configure = (changes: Partial<AdmentumSettings>) => {
		state().settings = { ...state().settings, ...changes };
		return state().settings;
	};

	sim = await startSimulator<AdmentumState>(
		{
			name: 'admentum',
			basePath: '',
			seed,
			authorize(req) {
				const key = presentedKey(req, state().settings.keyHeader);
				if (key === undefined) return detail(401, 'Authentication credentials were not provided.');
				const access = KEYS[key];
				if (!access) return detail(401, 'Invalid token.');
				if (access === 'schools' && !/\/schools\/?$/.test(req.path)) {
					return detail(403, 'You do not have permission to perform this action.');
				}
				return undefined;
			},
			routes: [
				{ method: 'GET', pattern: `${ADMENTUM_CSV_PATH}/schools`, handle: htmlOr(csvSchools) },
				{
					method: 'GET',
					pattern: `${ADMENTUM_CSV_PATH}/students`,
					handle: htmlOr((s, r) => csvPeople(s, r, 'student')),
				},
				{
					method: 'GET',
					pattern: `${ADMENTUM_CSV_PATH}/teachers`,
					handle: htmlOr((s, r) => csvPeople(s, r, 'teacher')),
				},
				{ method: 'GET', pattern: `${ADMENTUM_JSON_PATH}/schools`, handle: htmlOr(jsonSchools) },
				{ method: 'GET', pattern: `${ADMENTUM_JSON_PATH}/users`, handle: htmlOr(jsonUsers) },
			],
			controlRoutes: [
				{
					method: 'GET',
					pattern: '/__sim/admentum',
					handle: () => ({ status: 200, body: state().settings }),
				},
				{
					method: 'PUT',
					pattern: '/__sim/admentum',
					handle: (req) => ({
						status: 200,
						body: configure(JSON.parse(req.bodyText || '{}') as Partial<AdmentumSettings>),
					}),
				},
			],
			describeState: (s) => ({
				settings: s.settings,
				tricky: s.tricky,
				schools: s.world.schools,
				people: population(s),
			}),
		},
		{ port: options.port },
	);
	return Object.assign(sim, {
		csvUrl: sim.origin + ADMENTUM_CSV_PATH,
		jsonUrl: sim.origin + ADMENTUM_JSON_PATH,
		configure,
	});
}
