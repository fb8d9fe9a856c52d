/**
 * Turns an HTTP answer our nodes did not want into an n8n error an admin can act on. Each node
 * passes its own words for the statuses that mean something special at its service; the rest
 * are worded here once.
 */
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import type { ApiResponse } from './sendWithRetry';

export type StatusWording = Partial<Record<number, string>>;

const GENERAL_WORDING: StatusWording = {
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
};

/** The service's own message from a JSON error body, if it sent one. */
export function serviceMessage(body: unknown): string | undefined {
	if (body && typeof body === 'object') {
		const { message, error, detail } = body as Record<string, unknown>;
		const found = [message, error, detail].find(
			(value) => typeof value === 'string' && value.trim() !== '',
		);
		return found as string | undefined;
	}
	if (typeof body === 'string' && body.trim() !== '' && !body.trimStart().startsWith('<')) {
		return body.trim().slice(0, 300);
	}
	return undefined;
}

/** The credential's secret values, never shown even when the service quotes them back. */
function masked(text: string | undefined, secrets: unknown[]): string | undefined {
	if (text === undefined) return undefined;
	return secrets
		.filter((secret): secret is string => typeof secret === 'string' && secret.trim().length >= 4)
		.reduce((shown, secret) => shown.split(secret.trim()).join('***'), text);
}

export function apiError(
	node: INode,
	response: ApiResponse,
	options: { action: string; wording?: StatusWording; itemIndex?: number; secrets?: unknown[] },
): NodeApiError {
	const { statusCode, body } = response;
	const plain =
		options.wording?.[statusCode] ??
		GENERAL_WORDING[statusCode] ??
		`The service answered ${statusCode}`;
	const fromService = masked(serviceMessage(body), options.secrets ?? []);
	return new NodeApiError(
		node,
		{ statusCode, body: (fromService ?? null) as string } as JsonObject,
		{
			message: `${options.action} failed: ${plain}`,
			description: fromService ? `The service said: ${fromService}` : undefined,
			httpCode: String(statusCode),
			itemIndex: options.itemIndex,
		},
	);
}
