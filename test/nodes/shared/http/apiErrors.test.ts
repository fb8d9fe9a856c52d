import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { INode } from 'n8n-workflow';

import { apiError, serviceMessage } from '../../../../nodes/shared/http/apiErrors';
import type { ApiResponse } from '../../../../nodes/shared/http/sendWithRetry';

const node = { name: 'Service', type: 'service', typeVersion: 1, position: [0, 0] } as INode;
const answer = (statusCode: number, body: unknown = null, headers = {}): ApiResponse => ({
	statusCode,
	headers,
	body,
});

describe('serviceMessage', () => {
	it("takes a JSON body's message, else error, else detail, skipping blank ones", () => {
		assert.equal(serviceMessage({ message: 'm', error: 'e', detail: 'd' }), 'm');
		assert.equal(serviceMessage({ message: '  ', error: 'e', detail: 'd' }), 'e');
		assert.equal(serviceMessage({ error: 42, detail: 'd' }), 'd');
		assert.equal(serviceMessage({ status: 'bad' }), undefined);
	});

	it('takes plain text trimmed and cut to 300 characters, but never an HTML page', () => {
		assert.equal(serviceMessage('  Key expired \n'), 'Key expired');
		assert.equal(serviceMessage('x'.repeat(500)), 'x'.repeat(300));
		assert.equal(serviceMessage('  <html><body>Login</body></html>'), undefined);
		assert.equal(serviceMessage(''), undefined);
		assert.equal(serviceMessage(null), undefined);
	});
});

describe('apiError', () => {
	it('words each status plainly after the action, and keeps the status as httpCode', () => {
		const expected: Record<number, string> = {
			400: 'The service refused the data that was sent',
			401: 'The service refused the credential: check the API key (and secret)',
			403: 'The credential is not allowed to do this',
			404: 'Not found',
			409: 'Conflict with data that already exists',
			429: 'The service is still rate limiting after several retries: try again later or lower the request rate',
			500: 'The service had an internal error',
			502: 'The service is unreachable behind its gateway (502)',
			503: 'The service is temporarily unavailable (503)',
			504: 'The service did not answer in time (504)',
			418: 'The service answered 418',
		};
		for (const [status, wording] of Object.entries(expected)) {
			const error = apiError(node, answer(Number(status)), { action: 'Reading users' });
			assert.equal(error.message, `Reading users failed: ${wording}`);
			assert.equal(error.httpCode, status);
		}
	});

	it("a node's own wording wins for its statuses; the others keep the general one", () => {
		const wording = { 403: 'Your IP address is not whitelisted at GoPublic' };
		const refused = apiError(node, answer(403), { action: 'Importing', wording });
		assert.equal(
			refused.message,
			'Importing failed: Your IP address is not whitelisted at GoPublic',
		);
		const missing = apiError(node, answer(404), { action: 'Importing', wording });
		assert.equal(missing.message, 'Importing failed: Not found');
	});

	it("the service's own words become the description; without them there is none", () => {
		const said = apiError(node, answer(409, { detail: 'E-mail in use' }), { action: 'Creating' });
		assert.equal(said.description, 'The service said: E-mail in use');
		const html = apiError(node, answer(502, '<html>Bad Gateway</html>'), { action: 'Creating' });
		assert.ok(!html.description, 'an HTML page is no description');
	});

	it('names the item it failed on', () => {
		const error = apiError(node, answer(400), { action: 'Updating', itemIndex: 3 });
		assert.equal(error.context.itemIndex, 3);
	});

	it('no request header and no key the service echoed ends up in the error', () => {
		const KEY = 'sk-live-9f8e7d6c5b4a';
		const response = answer(
			401,
			{
				error: 'unauthorized',
				apiKey: KEY,
				request: { headers: { 'x-api-key': KEY, authorization: `Bearer ${KEY}` } },
			},
			{ 'x-api-key': KEY, authorization: `Bearer ${KEY}`, 'set-cookie': [`session=${KEY}`] },
		);
		const error = apiError(node, response, { action: 'Reading people' });
		const everything = [
			error.message,
			error.description,
			error.stack,
			JSON.stringify(error),
			JSON.stringify(error.errorResponse),
			JSON.stringify(error.context),
			JSON.stringify(error.messages),
		].join('\n');
		assert.ok(!everything.includes(KEY), 'the key appears in the error');
		assert.ok(!/authorization|x-api-key|set-cookie/i.test(everything), 'a header appears');
		assert.equal(error.description, 'The service said: unauthorized');
	});

	it('a key the service quotes in its own message is masked, the rest of the message kept', () => {
		const KEY = 'sk-live-9f8e7d6c5b4a';
		const error = apiError(node, answer(401, { message: `Key ${KEY} is not valid` }), {
			action: 'Reading people',
			secrets: [KEY, undefined, ''],
		});
		assert.equal(error.description, 'The service said: Key *** is not valid');
		assert.ok(!JSON.stringify(error).includes(KEY));
	});
});
