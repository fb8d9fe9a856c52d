/**
 * The credential's test request, sent to the simulator the way n8n's credential tester does it:
 * the request with the credential's authentication, then the first responseCode rule matching
 * the status gives the message the admin sees.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IAuthenticateGeneric, IAuthenticateRuleResponseCode } from 'n8n-workflow';

import { LearnifierApi } from '../../credentials/LearnifierApi.credentials';
import {
	LEARNIFIER_LIMITED_KEY,
	LEARNIFIER_LIMITED_SECRET,
	LEARNIFIER_TEST_KEY,
	LEARNIFIER_TEST_SECRET,
	startLearnifierSimulator,
	type LearnifierSimulator,
} from '../simulators/learnifier/learnifierSimulator';

const credential = new LearnifierApi();

/** Resolves the plain `={{$credentials.field}}` references this credential uses. */
const resolve = (value: string, data: Record<string, string>) =>
	value.replace(/^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/, (_, field: string) => data[field]);

async function testCredential(
	data: Record<string, string>,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const { request, rules = [] } = credential.test;
	const { auth } = (credential.authenticate as IAuthenticateGeneric).properties as {
		auth: { username: string; password: string };
	};
	const url = new URL(resolve(String(request.baseURL), data).replace(/\/+$/, '') + request.url);
	for (const [key, value] of Object.entries(request.qs ?? {}))
		url.searchParams.set(key, String(value));
	const basic = Buffer.from(
		`${resolve(auth.username, data)}:${resolve(auth.password, data)}`,
	).toString('base64');
	const response = await fetch(url, { headers: { authorization: `Basic ${basic}` } });
	if (response.ok) return { status: 'OK', message: 'Connection successful!' };
	const rule = (rules as IAuthenticateRuleResponseCode[]).find(
		(r) => r.properties.value === response.status,
	);
	return {
		status: 'Error',
		message: rule?.properties.message ?? `Received HTTP status code: ${response.status}`,
	};
}

describe('Learnifier API credential test', () => {
	let sim: LearnifierSimulator;
	before(async () => (sim = await startLearnifierSimulator()));
	after(async () => sim.close());

	it('a Back Office key and secret pass', async () => {
		assert.deepEqual(
			await testCredential({
				baseUrl: sim.url,
				apiKey: LEARNIFIER_TEST_KEY,
				apiSecret: LEARNIFIER_TEST_SECRET,
			}),
			{
				status: 'OK',
				message: 'Connection successful!',
			},
		);
		assert.equal(sim.requests.at(-1)?.path, '/users?limit=1');
	});

	it('a wrong secret: the 401 message', async () => {
		const result = await testCredential({
			baseUrl: sim.url,
			apiKey: LEARNIFIER_TEST_KEY,
			apiSecret: 'wrong',
		});
		assert.equal(
			result.message,
			'Learnifier refused the API key or secret: check both for typing errors',
		);
	});

	it('a key without realm-wide access: the 403 message says a Back Office key is needed', async () => {
		const result = await testCredential({
			baseUrl: sim.url,
			apiKey: LEARNIFIER_LIMITED_KEY,
			apiSecret: LEARNIFIER_LIMITED_SECRET,
		});
		assert.match(result.message, /no realm-wide access: user sync needs a Back Office API key/);
	});

	it('a wrong address: the 404 message', async () => {
		const result = await testCredential({
			baseUrl: `${sim.origin}/wrong/path/`,
			apiKey: LEARNIFIER_TEST_KEY,
			apiSecret: LEARNIFIER_TEST_SECRET,
		});
		assert.match(result.message, /Nothing answers at this address/);
	});
});
