/**
 * OAuth2 client credentials (RFC 6749, 4.4): the token the SS 12000 credential fetches before its
 * first request and again when the API refuses the stored one. Every failure is a
 * CredentialRefusedError in words an admin can act on; no secret is ever part of one.
 */
import { sleep, type IDataObject, type IHttpRequestHelper } from 'n8n-workflow';

import { CredentialRefusedError } from '../../shared/http/credentialRefusal';

export interface TokenSettings {
	tokenUrl: string;
	clientId: string;
	clientSecret: string;
	scope?: string;
	/** 'header' (HTTP Basic, RFC 6749's default) or 'body' (client_id and client_secret in the form). */
	clientAuthentication?: string;
	/** TLS options for a client certificate, when the provider requires one. */
	agentOptions?: IDataObject;
}

const TRIES = 3;
const WAIT_MS = 1000;

const masked = (text: string, secret: string) =>
	secret.trim().length >= 4 ? text.split(secret.trim()).join('***') : text;

function oauthError(body: unknown): string {
	const parsed = typeof body === 'string' ? safeJson(body) : body;
	if (!parsed || typeof parsed !== 'object') return '';
	const { error, error_description: description } = parsed as Record<string, unknown>;
	return [error, description].filter((part) => typeof part === 'string' && part).join(': ');
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function refusal(statusCode: number, said: string): CredentialRefusedError {
	const quoted = said ? ` (${said})` : '';
	if (statusCode === 401 || /invalid_client|unauthorized_client/.test(said))
		return new CredentialRefusedError(
			`its token endpoint refused the client ID and secret (${statusCode}${said ? `: ${said}` : ''})`,
			'Check the Client ID and Client Secret in the SS 12000 credential, or ask the school system provider whether the client is still allowed.',
		);
	if (/invalid_scope/.test(said))
		return new CredentialRefusedError(
			`its token endpoint refused the scope (${statusCode}${quoted})`,
			'Check the Scope in the SS 12000 credential; leave it empty if the provider gave none.',
		);
	return new CredentialRefusedError(
		`its token endpoint answered ${statusCode}${quoted}`,
		'Check the Token URL in the SS 12000 credential.',
	);
}

/** The access token, or a CredentialRefusedError saying why there is none. */
export async function fetchClientCredentialsToken(
	helper: IHttpRequestHelper,
	settings: TokenSettings,
): Promise<string> {
	const tokenUrl = String(settings.tokenUrl ?? '').trim();
	if (!/^https?:\/\//i.test(tokenUrl))
		throw new CredentialRefusedError(
			'it has no valid Token URL',
			'Enter the token address the provider gave you, starting with https://',
		);
	const secret = String(settings.clientSecret ?? '');
	const form = new URLSearchParams({ grant_type: 'client_credentials' });
	if (settings.scope?.trim()) form.set('scope', settings.scope.trim());
	const inBody = settings.clientAuthentication === 'body';
	if (inBody) {
		form.set('client_id', settings.clientId);
		form.set('client_secret', secret);
	}
	let lastProblem = '';
	for (let attempt = 1; attempt <= TRIES; attempt++) {
		let response: { statusCode: number; body: unknown };
		try {
			response = (await helper.helpers.httpRequest({
				method: 'POST',
				url: tokenUrl,
				body: form.toString(),
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					Accept: 'application/json',
				},
				...(inBody ? {} : { auth: { username: settings.clientId, password: secret } }),
				...(settings.agentOptions ? { agentOptions: settings.agentOptions } : {}),
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				json: true,
			})) as { statusCode: number; body: unknown };
		} catch (error) {
			const code = (error as { code?: string; cause?: { code?: string } }).cause?.code;
			lastProblem = `no answer from ${new URL(tokenUrl).host}${code ? ` (${code})` : ''}`;
			if (attempt < TRIES) await sleep(WAIT_MS * attempt);
			continue;
		}
		const { statusCode, body } = response;
		const parsed = (typeof body === 'string' ? safeJson(body) : body) as IDataObject | undefined;
		if (statusCode >= 200 && statusCode < 300) {
			const token = parsed?.access_token;
			if (typeof token === 'string' && token !== '') return token;
			throw new CredentialRefusedError(
				'its token endpoint answered without an access_token',
				'Check the Token URL in the SS 12000 credential: it must be the OAuth2 token address.',
			);
		}
		if (statusCode === 429 || statusCode >= 500) {
			lastProblem = `its token endpoint answered ${statusCode}`;
			if (attempt < TRIES) await sleep(WAIT_MS * attempt);
			continue;
		}
		throw refusal(statusCode, masked(oauthError(parsed), secret).slice(0, 200));
	}
	throw new CredentialRefusedError(
		`no token could be fetched: ${lastProblem}`,
		'The token endpoint did not answer. Check the Token URL, and try again later.',
	);
}
