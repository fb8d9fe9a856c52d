/**
 * The HTTP shell every simulator runs in: routing, JSON bodies, the fault switches, the request
 * log, and a small control API under /__sim/ so that a test in another process (real n8n in the
 * end-to-end tests) can read state and switch faults just as an in-process test does.
 *
 *   GET  /__sim/state     the simulator's records
 *   POST /__sim/reset     records back to the seed, faults off, log cleared
 *   GET  /__sim/requests  the request log: [{ method, path, status }]
 *   PUT  /__sim/faults    body: Partial<FaultSettings>
 *   plus any `controlRoutes` a simulator adds for its own switches (e.g. PUT /__sim/admentum)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { FaultInjector, type FaultSettings } from './faults';

export interface SimRequest {
	method: string;
	/** Path without the query string, decoded. */
	path: string;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	/** Raw body text ('' when there is none). */
	bodyText: string;
	/** Path parameters captured by the route, e.g. { id } for '/users/:id'. */
	params: Record<string, string>;
}

export interface SimResponse {
	status: number;
	headers?: Record<string, string>;
	/** Objects and arrays are sent as JSON; strings as they are (set content-type in headers). */
	body?: unknown;
}

export type RouteHandler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

export interface Route {
	method: string;
	/** e.g. '/users/:id'. Matched against the path after the simulator's base path. */
	pattern: string;
	handle: RouteHandler;
}

export interface LoggedRequest {
	method: string;
	path: string;
	/** HTTP status sent, or 0 when the connection was dropped. */
	status: number;
}

export interface SimulatorDefinition<State> {
	name: string;
	/** Prefix every route lives under, e.g. '/api/csv/v1'. '' for none. */
	basePath?: string;
	/** Checked before routing; return a response to refuse the request (401/403). */
	authorize?: (request: SimRequest) => SimResponse | undefined;
	routes: Route[];
	/** Returns a fresh copy of the seeded records. */
	seed: () => State;
	/** What GET /__sim/state shows (defaults to the state itself). */
	describeState?: (state: State) => unknown;
	/**
	 * Extra control routes under /__sim/ for switches only this simulator has (e.g. 'PUT /__sim/admentum').
	 * Like the built-in ones: no auth, no faults, not logged. Patterns are matched exactly.
	 */
	controlRoutes?: Route[];
}

export interface RunningSimulator<State> {
	name: string;
	/** e.g. http://127.0.0.1:40123 (no trailing slash, without basePath). */
	origin: string;
	/** origin + basePath: what a credential's address points at. */
	url: string;
	state: State;
	requests: LoggedRequest[];
	faults: FaultInjector;
	setFaults(changes: Partial<FaultSettings>): void;
	reset(): void;
	/** Replace the records (e.g. with a generated data set). */
	load(state: State): void;
	close(): Promise<void>;
}

interface CompiledRoute extends Route {
	regex: RegExp;
	names: string[];
}

function compile(route: Route): CompiledRoute {
	const names: string[] = [];
	const source = route.pattern.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
		names.push(name);
		return '([^/]+)';
	});
	return { ...route, regex: new RegExp(`^${source}/?$`), names };
}

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function send(res: ServerResponse, answer: SimResponse) {
	const headers = { ...(answer.headers ?? {}) };
	let payload = '';
	if (typeof answer.body === 'string') payload = answer.body;
	else if (answer.body !== undefined) {
		payload = JSON.stringify(answer.body);
		headers['Content-Type'] ??= 'application/json; charset=utf-8';
	}
	res.writeHead(answer.status, headers);
	res.end(payload);
}

export async function startSimulator<State>(
	definition: SimulatorDefinition<State>,
	options: { port?: number; host?: string } = {},
): Promise<RunningSimulator<State>> {
	const basePath = definition.basePath ?? '';
	const routes = definition.routes.map(compile);
	const faults = new FaultInjector();

	const sim = {
		name: definition.name,
		origin: '',
		url: '',
		state: definition.seed(),
		requests: [] as LoggedRequest[],
		faults,
		setFaults: (changes: Partial<FaultSettings>) => faults.set(changes),
		reset() {
			sim.state = definition.seed();
			sim.requests.length = 0;
			faults.reset();
		},
		load(state: State) {
			sim.state = state;
		},
		close: async () => {},
	} satisfies RunningSimulator<State>;

	const control = async (req: SimRequest): Promise<SimResponse> => {
		const route = `${req.method} ${req.path}`;
		if (route === 'GET /__sim/state')
			return { status: 200, body: (definition.describeState ?? ((s) => s))(sim.state) };
		if (route === 'GET /__sim/requests') return { status: 200, body: sim.requests };
		if (route === 'POST /__sim/reset') {
			sim.reset();
			return { status: 200, body: { reset: true } };
		}
		if (route === 'PUT /__sim/faults') {
			faults.set(JSON.parse(req.bodyText || '{}') as Partial<FaultSettings>);
			return { status: 200, body: faults.current };
		}
		const own = definition.controlRoutes?.find(
			(r) => r.method === req.method && r.pattern === req.path,
		);
		if (own) return await own.handle(req);
		return { status: 404, body: { message: `No control route ${route}` } };
	};

	const serve = async (req: SimRequest): Promise<SimResponse> => {
		if (!req.path.startsWith(basePath))
			return { status: 404, body: { message: `Not found: ${req.path}` } };
		const denied = definition.authorize?.(req);
		if (denied) return denied;
		const local = req.path.slice(basePath.length) || '/';
		let methodMismatch = false;
		for (const route of routes) {
			const match = route.regex.exec(local);
			if (!match) continue;
			if (route.method !== req.method) {
				methodMismatch = true;
				continue;
			}
			route.names.forEach((name, i) => (req.params[name] = decodeURIComponent(match[i + 1])));
			return await route.handle(req);
		}
		return methodMismatch
			? { status: 405, body: { message: `${req.method} is not allowed on ${req.path}` } }
			: { status: 404, body: { message: `Not found: ${req.path}` } };
	};

	const server: Server = createServer(async (incoming, res) => {
		const url = new URL(incoming.url ?? '/', 'http://simulator');
		const req: SimRequest = {
			method: incoming.method ?? 'GET',
			path: decodeURIComponent(url.pathname),
			query: url.searchParams,
			headers: incoming.headers,
			bodyText: await readBody(incoming),
			params: {},
		};
		if (req.path.startsWith('/__sim/')) return send(res, await control(req));

		const logged: LoggedRequest = { method: req.method, path: req.path + url.search, status: 0 };
		sim.requests.push(logged);
		const settings = faults.current;
		if (settings.latencyMs > 0) await wait(settings.latencyMs);
		const decision = faults.decide();
		if (decision.kind === 'drop' && decision.when === 'before')
			return void incoming.socket.destroy();
		if (decision.kind === 'error') {
			logged.status = decision.status;
			return send(res, {
				status: decision.status,
				headers: decision.headers,
				body: { code: decision.status, message: `Simulated ${decision.status}`, field: null },
			});
		}
		let answer: SimResponse;
		try {
			answer = await serve(req);
		} catch (error) {
			answer = {
				status: 500,
				body: { code: 500, message: `Simulator bug: ${(error as Error).message}`, field: null },
			};
		}
		if (decision.kind === 'drop') return void incoming.socket.destroy();
		if (settings.slowFirstByteMs > 0) await wait(settings.slowFirstByteMs);
		logged.status = answer.status;
		send(res, answer);
	});
	server.keepAliveTimeout = 5000;

	await new Promise<void>((resolve) =>
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
	);
	const { port } = server.address() as AddressInfo;
	sim.origin = `http://127.0.0.1:${port}`;
	sim.url = sim.origin + basePath;
	sim.close = () =>
		new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return sim;
}
