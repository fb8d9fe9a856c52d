import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { IHttpRequestOptions, ILoadOptionsFunctions, INodeType } from 'n8n-workflow';

import { loadNodeTypes } from '../../../../engine/nodeTypes';
import {
	ADMENTUM_SCHOOLS_ONLY_KEY,
	ADMENTUM_TEST_KEY,
	startAdmentumSimulator,
	type AdmentumSimulator,
} from '../../../../simulators/admentum/admentumSimulator';
import {
	ADMENTUM,
	NODE_TYPE,
	admentumCredential,
	runAdmentum,
} from '../../../../engine/workflows/admentumWorkflow';

let sim: AdmentumSimulator;
before(async () => (sim = await startAdmentumSimulator()));
after(() => sim.close());

const listSchools = (more = {}) => ({
	resource: 'school',
	operation: 'getAll',
	returnAll: true,
	options: {},
	...more,
});

for (const variant of ['csv', 'json'] as const) {
	describe(`School Unit → Get Many (${variant.toUpperCase()} API)`, () => {
		const url = () => (variant === 'csv' ? sim.csvUrl : sim.jsonUrl);

		test('lists every school unit as { id, name, code }', async () => {
			const result = await runAdmentum(listSchools(), admentumCredential(url()));
			assert.deepEqual(
				result.json(ADMENTUM),
				sim.state.world.schools.map((s) => ({ id: String(s.id), name: s.name, code: s.code })),
			);
		});

		test('a key that may read only schools still lists them', async () => {
			const result = await runAdmentum(
				listSchools(),
				admentumCredential(url(), { apiKey: ADMENTUM_SCHOOLS_ONLY_KEY }),
			);
			assert.equal(result.json(ADMENTUM).length, sim.state.world.schools.length);
		});

		test('Limit', async () => {
			const result = await runAdmentum(
				listSchools({ returnAll: false, limit: 2 }),
				admentumCredential(url()),
			);
			assert.deepEqual(
				result.json(ADMENTUM).map((s) => s.id),
				['101', '102'],
			);
		});
	});
}

/**
 * The picker's loadOptions method, called on the node class the way the editor does, with just
 * enough of a load-options context: real HTTP to the simulator, the key sent as the credential sends it.
 */
function loadOptionsContext(apiAddress: string): ILoadOptionsFunctions {
	const node = {
		id: 'a',
		name: ADMENTUM,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return {
		getNode: () => node,
		getCredentials: async () => ({ apiAddress }),
		getCurrentNodeParameter: () => ({}),
		helpers: {
			async httpRequestWithAuthentication(_type: string, request: IHttpRequestOptions) {
				const url = new URL(request.url);
				for (const [key, value] of Object.entries(request.qs ?? {}))
					url.searchParams.set(key, String(value));
				const answer = await fetch(url, {
					headers: { Authorization: `Token ${ADMENTUM_TEST_KEY}` },
				});
				return {
					statusCode: answer.status,
					headers: Object.fromEntries(answer.headers),
					body: await answer.text(),
				};
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

test('the School Units picker lists "name (id)" from both variants', async () => {
	// The same node instance n8n loads (Admentum.node.ts; a plain import would find Admentum.node.json).
	const node = loadNodeTypes([NODE_TYPE]).nodeTypes.get(NODE_TYPE) as INodeType;
	const getSchools = node.methods!.loadOptions!.getSchools;
	const expected = sim.state.world.schools.map((s) => ({
		name: `${s.name} (${s.id})`,
		value: String(s.id),
		description: `Code ${s.code}`,
	}));
	assert.deepEqual(await getSchools.call(loadOptionsContext(sim.csvUrl)), expected);
	assert.deepEqual(await getSchools.call(loadOptionsContext(sim.jsonUrl)), expected);
});
