/**
 * The credential's test request, carried out the way n8n's credential tester does it (expressions
 * over `$credentials`, the generic authentication, then the rules for the answer's status),
 * against the simulator: a wrong key and a refused IP address read differently.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeTypes,
} from 'n8n-workflow';

import { GoPublicApi } from '../../credentials/GoPublicApi.credentials';
import {
	startGoPublicSimulator,
	type GoPublicSimulator,
	GOPUBLIC_TEST_KEY,
} from '../simulators/gopublic/gopublicSimulator';
import { credentialsFor } from '../engine/workflows/goPublicWorkflow';

const credential = new GoPublicApi();
const node = {
	name: 'test',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as unknown as INode;
const workflow = new Workflow({
	nodes: [node],
	connections: {},
	active: false,
	nodeTypes: {
		getByNameAndVersion: () => ({ description: { properties: [] } }),
	} as unknown as INodeTypes,
});
const resolve = (value: string, data: ICredentialDataDecryptedObject) =>
	value.startsWith('=')
		? workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: data } as never,
				undefined,
				'',
			)
		: value;

/** 'OK' or the rule's message for the answer's status, as the editor shows it. */
async function testCredential(data: ICredentialDataDecryptedObject): Promise<string> {
	const { request, rules } = credential.test;
	const headers: Record<string, string> = { ...(request.headers as Record<string, string>) };
	for (const [name, value] of Object.entries(credential.authenticate.properties.headers ?? {})) {
		headers[name] = String(resolve(String(value), data));
	}
	const response = await fetch(String(resolve(String(request.url), data)), {
		method: request.method,
		headers,
		body: JSON.stringify(request.body),
	});
	if (response.ok) return 'OK';
	const rule = rules?.find(
		(r) => r.type === 'responseCode' && r.properties.value === response.status,
	);
	return rule?.properties.message ?? `status ${response.status}`;
}

describe('GoPublic API credential test', () => {
	let sim: GoPublicSimulator;
	before(async () => {
		sim = await startGoPublicSimulator();
	});
	after(() => sim.close());

	it('passes with the right key, and changes nothing (an empty import)', async () => {
		assert.equal(await testCredential(credentialsFor(sim.origin).goPublicApi), 'OK');
		assert.equal(sim.state.members.size, 0);
	});

	it('a wrong key reads as a refused API key (401)', async () => {
		const message = await testCredential(credentialsFor(sim.origin, 'wrong').goPublicApi);
		assert.match(message, /refused the API key \(401\)/);
	});

	it('a refused address reads as "not whitelisted" (403), even with the right key', async () => {
		sim.refuseCallers(true);
		const message = await testCredential(credentialsFor(sim.origin, GOPUBLIC_TEST_KEY).goPublicApi);
		assert.match(message, /refused the address this n8n connects from \(403/);
		assert.match(message, /whitelist the public IP address/);
		sim.refuseCallers(false);
	});

	it('the domain form builds https://gapi.admin.<domain>/backend/member/import-by-api-key', () => {
		const url = resolve(String(credential.test.request.url), {
			addressType: 'domain',
			domain: ' nordskolen.dk ',
		});
		assert.equal(url, 'https://gapi.admin.nordskolen.dk/backend/member/import-by-api-key');
	});
});
