/**
 * A key-checking door in front of one customer's simulator. The simulators accept one fixed test
 * key each, so on their own every customer's credentials would open every customer's tenant. The
 * gateway accepts only its own customer's key (anything else gets 401, as a real tenant answers
 * a wrong key), swaps it for the simulator's key and passes the request through. Each request is
 * logged with whose key it carried, so a test can show that no customer's workflow ever reached
 * another customer's tenant.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayRequest {
	method: string;
	path: string;
	status: number;
	/** The customer whose key the request carried; undefined when it carried none we know. */
	caller: string | undefined;
}

export interface TenantGatewayOptions {
	/** The customer this tenant belongs to. */
	tenant: string;
	/** The simulator behind the door, e.g. http://127.0.0.1:40123. */
	target: string;
	/** The header that carries the key (lower case), e.g. 'authorization'. */
	keyHeader: string;
	/** The header value this customer's credential sends. */
	ownKey: string;
	/** The header value the simulator accepts. */
	simulatorKey: string;
	/** Whose key a header value is (for the log). */
	whoseKey(value: string): string | undefined;
}

export interface TenantGateway {
	/** Where the customer's credential points, instead of the simulator. */
	origin: string;
	requests: GatewayRequest[];
	close(): Promise<void>;
}

export async function startTenantGateway(options: TenantGatewayOptions): Promise<TenantGateway> {
	const requests: GatewayRequest[] = [];
	const target = new URL(options.target);
	const server = createServer((incoming, answer) => {
		const presented = headerValue(incoming.headers, options.keyHeader);
		const logged: GatewayRequest = {
			method: incoming.method ?? 'GET',
			path: incoming.url ?? '/',
			status: 0,
			caller: presented === undefined ? undefined : options.whoseKey(presented),
		};
		requests.push(logged);
		if (presented !== options.ownKey) {
			logged.status = 401;
			answer.writeHead(401, { 'Content-Type': 'application/json' });
			answer.end(JSON.stringify({ message: `This key does not belong to ${options.tenant}` }));
			return;
		}
		const forwarded = httpRequest(
			{
				host: target.hostname,
				port: target.port,
				method: incoming.method,
				path: incoming.url,
				headers: {
					...incoming.headers,
					host: target.host,
					[options.keyHeader]: options.simulatorKey,
				},
			},
			(reply) => {
				logged.status = reply.statusCode ?? 0;
				answer.writeHead(reply.statusCode ?? 502, reply.headers);
				reply.pipe(answer);
			},
		);
		// A simulator that drops the connection (its fault switch) drops ours too.
		forwarded.on('error', () => answer.destroy());
		incoming.pipe(forwarded);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}
