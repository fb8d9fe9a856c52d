/**
 * The one place the Admentum node talks HTTP: every request goes through the shared
 * `sendWithRetry` (retries, Retry-After) and every refusal through the shared `apiError` wording.
 * An answer that is not what a list should be (an HTML login page) becomes an error here, never
 * an empty list.
 */
import { NodeOperationError } from 'n8n-workflow';

import { apiError } from '../../shared/http/apiErrors';
import { isSuccess } from '../../shared/http/isSuccess';
import { RequestPacer } from '../../shared/http/requestPacer';
import {
	newRequestStats,
	sendWithRetry,
	type RequestContext,
	type RequestStats,
} from '../../shared/http/sendWithRetry';
import { CREDENTIAL_TYPE, STATUS_WORDING, variantOfAddress, type ApiVariant } from './apiContract';

export interface AdmentumSession {
	context: RequestContext;
	/** The credential's API address, without a trailing slash. */
	address: string;
	variant: ApiVariant;
	pacer: RequestPacer;
	/** Counts retries for the push-back note. */
	stats: RequestStats;
	/** The API key, masked if Admentum quotes it in an error. */
	secrets: unknown[];
	itemIndex: number;
}

/** What a request is for, in the words errors use. */
export interface ListRequest {
	/** e.g. "Reading the students of school 101" */
	action: string;
	/** e.g. "CSV with the columns id;first_name;last_name;email;school_id" */
	expected: string;
}

export type VariantChoice = 'fromAddress' | ApiVariant;

/** Admentum's limits are not published: reads start gently and speed up while answers come clean. */
const READ_PACING = { start: 4, ceiling: 50 };

export async function openSession(
	context: RequestContext,
	variantChoice: VariantChoice,
	itemIndex = 0,
): Promise<AdmentumSession> {
	const credentials = await context.getCredentials<{ apiAddress?: string; apiKey?: string }>(
		CREDENTIAL_TYPE,
		itemIndex,
	);
	const address = String(credentials.apiAddress ?? '')
		.trim()
		.replace(/\/+$/, '');
	if (!/^https?:\/\//i.test(address)) {
		throw new NodeOperationError(
			context.getNode(),
			'The Admentum credential has no valid API address',
			{
				description:
					'Enter the address Admentum gave you, e.g. https://skola.admentum.se/api/csv/v1',
				itemIndex,
			},
		);
	}
	const variant = variantChoice === 'fromAddress' ? variantOfAddress(address) : variantChoice;
	return {
		context,
		address,
		variant,
		pacer: RequestPacer.learning(READ_PACING),
		stats: newRequestStats(),
		secrets: [credentials.apiKey],
		itemIndex,
	};
}

export function unexpectedAnswer(session: AdmentumSession, list: ListRequest, came: string) {
	return new NodeOperationError(
		session.context.getNode(),
		`${list.action} failed: Admentum answered with ${came}, where ${list.expected} was expected`,
		{
			description:
				'Nothing was output, because an incomplete list would look as if people had left. Run again; if it happens ' +
				'again, check the API address in the credential (the API address Admentum gave you, not its web login).',
			itemIndex: session.itemIndex,
		},
	);
}

/** Error bodies arrive as text (we ask for text); the shared wording reads JSON ones better. */
function parsedIfJson(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

const looksLikeHtml = (contentType: string, text: string) =>
	/html/i.test(contentType) || /^\s*</.test(text.replace(/^\uFEFF/, ''));

/**
 * GETs `pathOrUrl` (a path under the API address, or an absolute `next` link from the same
 * server) and returns the answer's text.
 */
export async function getText(
	session: AdmentumSession,
	pathOrUrl: string,
	list: ListRequest,
	qs: Record<string, string | number> = {},
): Promise<string> {
	const absolute = /^https?:\/\//i.test(pathOrUrl);
	if (absolute && new URL(pathOrUrl).origin !== new URL(session.address).origin) {
		throw unexpectedAnswer(session, list, `a link to another server (${new URL(pathOrUrl).host})`);
	}
	const response = await sendWithRetry<string>(
		session.context,
		CREDENTIAL_TYPE,
		{
			method: 'GET',
			url: absolute ? pathOrUrl : session.address + pathOrUrl,
			qs,
			encoding: 'text',
			json: false,
		},
		{ pacer: session.pacer, stats: session.stats, itemIndex: session.itemIndex },
	);
	if (!isSuccess(response)) {
		throw apiError(
			session.context.getNode(),
			{ ...response, body: parsedIfJson(response.body) },
			{
				action: list.action,
				wording: STATUS_WORDING,
				itemIndex: session.itemIndex,
				secrets: session.secrets,
			},
		);
	}
	const text =
		typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
	const contentType = String(response.headers['content-type'] ?? '');
	if (looksLikeHtml(contentType, text))
		throw unexpectedAnswer(session, list, 'an HTML page (a login page?)');
	return text;
}
