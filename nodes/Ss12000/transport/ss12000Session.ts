/**
 * The one place the SS 12000 node talks HTTP: every request goes through the shared
 * `sendWithRetry` (pacing, retries, Retry-After) and every refusal through the shared `apiError`
 * wording. A token the API no longer takes is renewed the way n8n renews a credential's expirable
 * token (see `renewTokenAndResend`). An answer that is not a list becomes an error, never an empty
 * list.
 */
import {
	NodeApiError,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { apiError } from '../../shared/http/apiErrors';
import { credentialRefusalIn } from '../../shared/http/credentialRefusal';
import { isSuccess } from '../../shared/http/isSuccess';
import { RequestPacer } from '../../shared/http/requestPacer';
import {
	newRequestStats,
	sendWithRetry,
	type ApiResponse,
	type RequestContext,
	type RequestStats,
} from '../../shared/http/sendWithRetry';
import { CREDENTIAL_TYPE, STATUS_WORDING } from './apiContract';
import { clientCertificateOptions } from './clientCertificate';

export interface Ss12000Session {
	context: RequestContext;
	/** The credential's API address, without a trailing slash. */
	address: string;
	usesClientCredentials: boolean;
	tls: IDataObject | undefined;
	pacer: RequestPacer;
	stats: RequestStats;
	/** Secrets of the credential, masked if the API quotes them in an error. */
	secrets: unknown[];
	itemIndex: number;
}

/** The provider's limits are not published: reads start gently and speed up while answers come clean. */
const READ_PACING = { start: 4, ceiling: 50 };

export async function openSession(context: RequestContext, itemIndex = 0): Promise<Ss12000Session> {
	const credentials = await context.getCredentials<ICredentialDataDecryptedObject>(
		CREDENTIAL_TYPE,
		itemIndex,
	);
	const address = String(credentials.apiAddress ?? '')
		.trim()
		.replace(/\/+$/, '');
	if (!/^https?:\/\//i.test(address)) {
		throw new NodeOperationError(
			context.getNode(),
			'The SS 12000 credential has no valid API address',
			{
				description:
					'Enter the address the school system provider gave you, e.g. https://api.example.se/ss12000/v2',
				itemIndex,
			},
		);
	}
	return {
		context,
		address,
		usesClientCredentials: credentials.authentication !== 'token',
		tls: clientCertificateOptions(credentials),
		pacer: RequestPacer.learning(READ_PACING),
		stats: newRequestStats(),
		secrets: [credentials.token, credentials.clientSecret, credentials.accessToken],
		itemIndex,
	};
}

export function unexpectedAnswer(session: Ss12000Session, action: string, came: string) {
	return new NodeOperationError(
		session.context.getNode(),
		`${action} failed: the SS 12000 API answered with ${came}`,
		{
			description:
				'Nothing was output, because an incomplete list would look as if people had left. Run again; if it happens ' +
				'again, check the API address in the credential.',
			itemIndex: session.itemIndex,
		},
	);
}

/**
 * The API refused the stored token (401): send once more the way n8n renews an expirable token.
 * With HTTP errors not ignored, n8n sees the 401, runs the credential's preAuthentication again
 * (a new token, saved with the credential), and resends. Its answer, or its refusal, comes back
 * as a response.
 */
async function renewTokenAndResend(
	session: Ss12000Session,
	request: IHttpRequestOptions,
): Promise<ApiResponse> {
	try {
		return (await session.context.helpers.httpRequestWithAuthentication.call(
			session.context as IExecuteFunctions,
			CREDENTIAL_TYPE,
			{ ...request, returnFullResponse: true, ignoreHttpStatusErrors: false },
		)) as ApiResponse;
	} catch (error) {
		const refusal = credentialRefusalIn(error);
		if (refusal) {
			const name =
				session.context.getNode().credentials?.[CREDENTIAL_TYPE]?.name ?? CREDENTIAL_TYPE;
			throw new NodeOperationError(
				session.context.getNode(),
				`The credential "${name}" was refused: ${refusal.message}`,
				{ description: refusal.hint, itemIndex: session.itemIndex },
			);
		}
		const status = Number(
			(error as NodeApiError).httpCode ??
				(error as { cause?: { response?: { status?: number } } }).cause?.response?.status,
		);
		if (Number.isInteger(status) && status >= 400)
			return { statusCode: status, headers: {}, body: '' };
		throw new NodeApiError(session.context.getNode(), error as JsonObject, {
			itemIndex: session.itemIndex,
		});
	}
}

/** GETs a path under the API address and returns the answer's parsed JSON. */
export async function getJson(
	session: Ss12000Session,
	path: string,
	qs: IDataObject,
	action: string,
): Promise<unknown> {
	const request: IHttpRequestOptions = {
		method: 'GET',
		url: session.address + path,
		qs,
		headers: { Accept: 'application/json' },
		encoding: 'text',
		json: false,
		...(session.tls ? { agentOptions: session.tls } : {}),
	};
	let response = await sendWithRetry<string>(session.context, CREDENTIAL_TYPE, request, {
		pacer: session.pacer,
		stats: session.stats,
		itemIndex: session.itemIndex,
	});
	if (response.statusCode === 401 && session.usesClientCredentials)
		response = (await renewTokenAndResend(session, request)) as ApiResponse<string>;
	const text =
		typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	if (!isSuccess(response)) {
		throw apiError(
			session.context.getNode(),
			{ ...response, body: parsed ?? text },
			{ action, wording: STATUS_WORDING, itemIndex: session.itemIndex, secrets: session.secrets },
		);
	}
	if (parsed === undefined) {
		const came = /^\s*</.test(text)
			? 'an HTML page (a login page?)'
			: `text that is not complete JSON (cut off after ${text.length} characters?)`;
		throw unexpectedAnswer(session, action, came);
	}
	return parsed;
}
