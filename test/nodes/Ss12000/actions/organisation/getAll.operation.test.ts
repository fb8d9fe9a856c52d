/**
 * Organisation → Get Many (the school units) through n8n's engine against the SS 12000 simulator
 * over HTTP, in both answers a provider may give (the reference API's unpaged `organisations`, or
 * a paged `data` list with organisationType); the "School Unit Names or IDs" picker; and the
 * refusals an admin meets, in plain words, with no token or secret in them.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INodeType,
} from 'n8n-workflow';

import { Ss12000Api } from '../../../../../credentials/Ss12000Api.credentials';
import { loadNodeTypes } from '../../../../engine/nodeTypes';
import type { RunResult } from '../../../../engine/runWorkflow';
import {
	NODE_TYPE,
	readSchoolUnits,
	runSs12000,
	SS12000,
	ss12000Credential,
} from '../../../../engine/workflows/ss12000Workflow';
import { generatePeople } from '../../../../simulators/seed/people';
import { ORGANISER_UUID, schoolUnitUuid } from '../../../../simulators/ss12000/seedSs12000';
import {
	SS12000_CLIENT_SECRET,
	SS12000_FIXED_TOKEN,
	SS12000_LIMITED_CLIENT_ID,
	SS12000_LIMITED_CLIENT_SECRET,
	startSs12000Simulator,
	type Ss12000Simulator,
} from '../../../../simulators/ss12000/ss12000Simulator';

let sim: Ss12000Simulator;
before(
	async () =>
		(sim = await startSs12000Simulator({
			world: generatePeople({ seed: 5, count: 200, schoolCount: 5 }),
		})),
);
after(() => sim.close());
beforeEach(() => sim.reset());

/** The school units as the node puts them out: `{ id, name, code }`, the organiser left out. */
const expectedUnits = () =>
	sim.state.world.schools.map((school) => ({
		id: schoolUnitUuid(school.id),
		name: school.name,
		code: String(10_000_000 + school.id),
	}));

const fixedToken = (token = SS12000_FIXED_TOKEN) =>
	ss12000Credential(sim, { authentication: 'token', token });

/** Everything of the error an admin (or n8n's log) could see. */
const shown = (result: RunResult) => {
	const error = result.error as (Error & { description?: string }) | undefined;
	return `${error?.message ?? ''}\n${error?.description ?? ''}\n${JSON.stringify(error ?? {})}`;
};

describe('Organisation → Get Many', () => {
	test("the reference API's { organisations: [...] }: every school unit as { id, name, code }, not the organiser", async () => {
		const result = await runSs12000(readSchoolUnits(), ss12000Credential(sim));
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(result.json(SS12000), expectedUnits());
		assert.ok(!result.json(SS12000).some((unit) => unit.id === ORGANISER_UUID));
		assert.deepEqual(result.json(SS12000, 1), [], 'nothing on the second output');
		const lists = sim.requests.filter((r) => r.path.includes('/organisations'));
		assert.equal(lists.length, 1, 'one request: the reference API does not page organisations');
	});

	test('a paged { data, pageToken } answer: every page read, school units by organisationType', async () => {
		sim.configure({ organisationsKey: 'data', maxPageSize: 2 });
		const result = await runSs12000(readSchoolUnits(), ss12000Credential(sim));
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(result.json(SS12000), expectedUnits());
		const lists = sim.requests.filter((r) => r.path.includes('/organisations'));
		// 6 organisations (the organiser and 5 units), 2 a page.
		assert.equal(lists.length, 3);
		assert.equal(lists.filter((r) => r.path.includes('pageToken=')).length, 2);
	});

	test('Limit, and a fixed token instead of client credentials', async () => {
		const result = await runSs12000(readSchoolUnits({ returnAll: false, limit: 2 }), fixedToken());
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(result.json(SS12000), expectedUnits().slice(0, 2));
		assert.equal(sim.state.tokensGiven.length, 0, 'no token was fetched');
	});

	test('a client that may read only organisations lists them', async () => {
		const result = await runSs12000(
			readSchoolUnits(),
			ss12000Credential(sim, {
				clientId: SS12000_LIMITED_CLIENT_ID,
				clientSecret: SS12000_LIMITED_CLIENT_SECRET,
			}),
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.json(SS12000).length, 5);
	});
});

describe('errors in plain words, without the token or secret', () => {
	test('401: a fixed token the API refuses', async () => {
		const wrong = 'ss12k-wrong-token-99887766';
		const result = await runSs12000(readSchoolUnits(), fixedToken(wrong));
		assert.match(
			String(result.error?.message),
			/^Reading the organisations failed: SS 12000 refused the token\. Check the credential/,
		);
		assert.ok(!shown(result).includes(wrong), shown(result));
		assert.deepEqual(result.json(SS12000), []);
	});

	test('401 at the token endpoint: a wrong client secret, and a client the provider refuses', async () => {
		const wrongSecret = 'not-the-secret-5566';
		const wrong = await runSs12000(
			readSchoolUnits(),
			ss12000Credential(sim, { clientSecret: wrongSecret }),
		);
		assert.match(
			String(wrong.error?.message),
			/The credential "SS 12000 \(simulator\)" was refused: its token endpoint refused the client ID and secret \(401: invalid_client/,
		);
		assert.ok(!shown(wrong).includes(wrongSecret), shown(wrong));

		sim.configure({ refuseClients: true });
		const refused = await runSs12000(readSchoolUnits(), ss12000Credential(sim));
		assert.match(String(refused.error?.message), /its token endpoint refused the client ID/);
		assert.ok(!shown(refused).includes(SS12000_CLIENT_SECRET), shown(refused));
		assert.equal(sim.state.tokensGiven.length, 0);
	});

	test('403: the API does not let the credential read organisations', async () => {
		sim.setFaults({ errorShare: 1, errorStatuses: [403] });
		const result = await runSs12000(readSchoolUnits(), fixedToken());
		assert.match(
			String(result.error?.message),
			/^Reading the organisations failed: The credential may not read this\. Ask the school system provider/,
		);
		assert.ok(!shown(result).includes(SS12000_FIXED_TOKEN));
		assert.equal(sim.requests.length, 1, 'a 403 is not tried again');
	});

	test('an HTML page (a login page) instead of JSON', async () => {
		sim.configure({ badAnswer: 'htmlLoginPage' });
		const result = await runSs12000(readSchoolUnits(), ss12000Credential(sim));
		assert.equal(
			result.error?.message,
			'Reading the organisations failed: the SS 12000 API answered with an HTML page (a login page?)',
		);
		assert.ok(!shown(result).includes(SS12000_CLIENT_SECRET));
		assert.ok(!sim.state.tokensGiven.some((token) => shown(result).includes(token)));
	});

	test('a wrong API address: 404 in plain words, and an address that is not one', async () => {
		const notFound = await runSs12000(
			readSchoolUnits(),
			ss12000Credential(sim, { apiAddress: `${sim.origin}/ss12000/v1` }),
		);
		assert.match(
			String(notFound.error?.message),
			/^Reading the organisations failed: This address does not exist at the SS 12000 API\. Check the API address/,
		);
		assert.ok(!shown(notFound).includes(SS12000_CLIENT_SECRET));
		assert.ok(!sim.state.tokensGiven.some((token) => shown(notFound).includes(token)));

		const noAddress = await runSs12000(
			readSchoolUnits(),
			ss12000Credential(sim, { apiAddress: 'api.example.se/ss12000/v2' }),
		);
		assert.equal(noAddress.error?.message, 'The SS 12000 credential has no valid API address');
	});
});

/**
 * The picker's loadOptions method, called on the node class the way the editor does, with just
 * enough of a load-options context: real HTTP to the simulator, authenticated by the SS 12000
 * credential's own `authenticate` (a fixed token).
 */
function loadOptionsContext(credentials: ICredentialDataDecryptedObject): ILoadOptionsFunctions {
	const node = {
		id: 's',
		name: SS12000,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const credentialType = new Ss12000Api();
	return {
		getNode: () => node,
		getCredentials: async () => credentials,
		getCurrentNodeParameter: () => ({}),
		helpers: {
			async httpRequestWithAuthentication(_type: string, options: IHttpRequestOptions) {
				const request = await credentialType.authenticate(credentials, options);
				const url = new URL(request.url);
				for (const [key, value] of Object.entries(request.qs ?? {}))
					url.searchParams.set(key, String(value));
				const answer = await fetch(url, { headers: request.headers as Record<string, string> });
				return {
					statusCode: answer.status,
					headers: Object.fromEntries(answer.headers),
					body: await answer.text(),
				};
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('the "School Unit Names or IDs" picker', () => {
	const getSchoolUnits = () =>
		(loadNodeTypes([NODE_TYPE]).nodeTypes.get(NODE_TYPE) as INodeType).methods!.loadOptions!
			.getSchoolUnits;
	const expected = () =>
		sim.state.world.schools.map((school) => ({
			name: `${school.name} (${10_000_000 + school.id})`,
			value: schoolUnitUuid(school.id),
			description: `Skolenhetskod ${10_000_000 + school.id}`,
		}));

	test('lists "name (school unit code)" by ID, from both kinds of answer', async () => {
		const credentials = { apiAddress: `${sim.apiUrl}/`, authentication: 'token' };
		const context = loadOptionsContext({ ...credentials, token: SS12000_FIXED_TOKEN });
		assert.deepEqual(await getSchoolUnits().call(context), expected());
		sim.configure({ organisationsKey: 'data', maxPageSize: 4 });
		assert.deepEqual(await getSchoolUnits().call(context), expected());
	});

	test('a refused token is an error in plain words, without the token', async () => {
		const wrong = 'ss12k-picker-wrong-1234';
		const context = loadOptionsContext({
			apiAddress: sim.apiUrl,
			authentication: 'token',
			token: wrong,
		});
		await assert.rejects(getSchoolUnits().call(context), (error: Error) => {
			assert.match(error.message, /^Reading the organisations failed: SS 12000 refused the token/);
			assert.ok(!JSON.stringify({ ...error, message: error.message }).includes(wrong));
			return true;
		});
	});
});
