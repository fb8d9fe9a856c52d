/**
 * The SS 12000 credential through n8n's engine against the simulator: the client-credentials token
 * is fetched once and stored with the credential, renewed when the API refuses it, and a token
 * endpoint that refuses the client stops the node at once with the credential's name; the limited
 * client's 403 and a fixed token, in plain words.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import {
	SS12000_FIXED_TOKEN,
	SS12000_LIMITED_CLIENT_ID,
	SS12000_LIMITED_CLIENT_SECRET,
	startSs12000Simulator,
	type Ss12000Simulator,
} from '../simulators/ss12000/ss12000Simulator';
import { schoolUnitUuid } from '../simulators/ss12000/seedSs12000';
import {
	readPersons,
	runSs12000,
	SS12000,
	ss12000Credential,
} from '../engine/workflows/ss12000Workflow';

let sim: Ss12000Simulator;
before(async () => (sim = await startSs12000Simulator()));
after(() => sim.close());
beforeEach(() => sim.reset());

const tokenRequests = () => sim.requests.filter((r) => r.path.startsWith('/oauth2/token'));
const readUnit = () => readPersons([schoolUnitUuid(101)]);

describe('SS 12000 credential', () => {
	test('fetches a token once, keeps it with the credential, and renews it when the API refuses it', async () => {
		const credential = ss12000Credential(sim);
		const first = await runSs12000(readUnit(), credential);
		assert.equal(first.error, undefined, first.error?.message);
		assert.ok(first.json(SS12000).length > 0);
		// Requests that start together before the first token comes back may each fetch one (as in
		// n8n itself); how many depends on the machine's speed, so the test counts what follows.
		const fetched = tokenRequests().length;
		assert.ok(fetched >= 1);
		assert.ok(
			sim.state.tokensGiven.includes(String(credential.accessToken)),
			'the token is saved with the credential',
		);

		await runSs12000(readUnit(), credential);
		assert.equal(tokenRequests().length, fetched, 'the stored token is used again');

		sim.revokeTokens();
		const renewed = await runSs12000(readUnit(), credential);
		assert.equal(renewed.error, undefined, renewed.error?.message);
		assert.equal(renewed.json(SS12000).length, first.json(SS12000).length);
		assert.ok(tokenRequests().length > fetched, 'a new token after the 401');
		assert.ok(sim.state.tokensGiven.slice(fetched).includes(String(credential.accessToken)));
	});

	test('a token endpoint that refuses the client stops the node at once, naming the credential, no secret shown', async () => {
		sim.configure({ refuseClients: true });
		const result = await runSs12000(readUnit(), ss12000Credential(sim));
		assert.match(
			String(result.error?.message),
			/^The credential "SS 12000 \(simulator\)" was refused: its token endpoint refused the client ID and secret \(401: invalid_client/,
		);
		assert.equal(tokenRequests().length, 1, 'a refusal is not retried');
		assert.ok(!JSON.stringify(result.run).includes(String(ss12000Credential(sim).clientSecret)));
	});

	test("a fixed token, a wrong one and the limited client's 403, worded for the admin", async () => {
		const fixedCredential = ss12000Credential(sim, {
			authentication: 'token',
			token: SS12000_FIXED_TOKEN,
		});
		const fixed = await runSs12000(readUnit(), fixedCredential);
		assert.equal(fixed.error, undefined);
		assert.ok(fixed.json(SS12000).length > 0);
		assert.equal(fixedCredential.accessToken, undefined, 'a fixed token needs no token endpoint');
		const wrong = await runSs12000(
			readUnit(),
			ss12000Credential(sim, { authentication: 'token', token: 'not-the-token' }),
		);
		assert.match(String(wrong.error?.message), /failed: SS 12000 refused the token/);
		const limited = await runSs12000(
			readUnit(),
			ss12000Credential(sim, {
				clientId: SS12000_LIMITED_CLIENT_ID,
				clientSecret: SS12000_LIMITED_CLIENT_SECRET,
			}),
		);
		assert.match(String(limited.error?.message), /failed: The credential may not read this/);
	});

	test('429 and 5xx answers are retried through the shared pacer', async () => {
		sim.setFaults({ errorShare: 0.3, errorStatuses: [429, 503], retryAfterSeconds: 0, seed: 5 });
		const result = await runSs12000(readUnit(), ss12000Credential(sim));
		assert.equal(result.error, undefined, result.error?.message);
		assert.ok(sim.requests.some((r) => r.status === 429 || r.status === 503));
		sim.setFaults({ errorShare: 0 });
		const clean = await runSs12000(readUnit(), ss12000Credential(sim));
		assert.deepEqual(result.json(SS12000), clean.json(SS12000));
	});
});
