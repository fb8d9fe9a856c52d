/**
 * The one way our nodes talk HTTP: through n8n's `httpRequestWithAuthentication` (so the
 * credential's own authentication is applied, and n8n's proxy and TLS settings hold), with the
 * shared retry policy and pacing; every outcome is reported to the pacer, so a learning pacer
 * finds the service's rate limit. HTTP error statuses come back as responses, not exceptions, so
 * each node can word them for its service; only a request that never got an answer throws.
 */
import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type JsonObject,
} from 'n8n-workflow';

import type { RateOutcome } from './adaptiveRate';
import { credentialRefusalIn } from './credentialRefusal';
import { RequestPacer } from './requestPacer';
import {
	answeredRetryDelayMs,
	DEFAULT_RETRY_POLICY,
	HOLD_ALL_FROM_MS,
	isRetryableStatus,
	parseRetryAfter,
	promptRetryDelayMs,
	type RetryPolicy,
} from './retryPolicy';

export interface ApiResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: T;
}

/** Counters a run can report (and tests can check): how hard the service pushed back. */
export interface RequestStats {
	requests: number;
	retries: number;
	rateLimited: number;
	serverErrors: number;
	networkErrors: number;
}

export const newRequestStats = (): RequestStats => ({
	requests: 0,
	retries: 0,
	rateLimited: 0,
	serverErrors: 0,
	networkErrors: 0,
});

export interface SendOptions {
	policy?: RetryPolicy;
	pacer?: RequestPacer;
	stats?: RequestStats;
	/**
	 * Retry when no answer came back. Off for requests that are not safe to repeat blindly (a
	 * create whose answer was lost may have happened): the caller checks first, then resends.
	 */
	retryLostAnswers?: boolean;
	itemIndex?: number;
}

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

/** Thrown when a request got no answer at all (connection refused or dropped, timeout). */
export class NoAnswerError extends NodeApiError {}

function noAnswerError(
	context: RequestContext,
	request: IHttpRequestOptions,
	error: unknown,
	itemIndex?: number,
) {
	const cause = error as { cause?: { code?: string }; code?: string; message?: string };
	const code = cause.cause?.code ?? cause.code ?? 'no answer';
	const host = URL.canParse(String(request.url), request.baseURL)
		? new URL(String(request.url), request.baseURL).host
		: String(request.url);
	// Built from scratch so that nothing of the original request (headers with keys) is kept.
	return new NoAnswerError(context.getNode(), { code } as JsonObject, {
		message: `No answer from ${host} (${code})`,
		description:
			'The service did not answer. Check the address in the credential, and try again later.',
		itemIndex,
	});
}

export async function sendWithRetry<T = unknown>(
	context: RequestContext,
	credentialType: string,
	request: IHttpRequestOptions,
	options: SendOptions = {},
): Promise<ApiResponse<T>> {
	const policy = options.policy ?? DEFAULT_RETRY_POLICY;
	const pacer = options.pacer ?? new RequestPacer();
	const stats = options.stats;
	const retryLostAnswers = options.retryLostAnswers ?? true;

	let otherFailures = 0;
	for (let attempt = 1; ; attempt++) {
		const slotGiven = await pacer.wait();
		if (stats) stats.requests++;
		let response: ApiResponse<T>;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(
				context as IExecuteFunctions,
				credentialType,
				{
					...request,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				},
			)) as ApiResponse<T>;
		} catch (error) {
			// A missing credential and the like: not a network problem, not worth retrying.
			if (error instanceof NodeOperationError)
				throw new NodeOperationError(context.getNode(), error);
			// The credential could not be made ready (its token endpoint refused the client): no
			// request was sent, and sending again cannot help.
			const refusal = credentialRefusalIn(error);
			if (refusal) {
				const name = context.getNode().credentials?.[credentialType]?.name ?? credentialType;
				throw new NodeOperationError(
					context.getNode(),
					`The credential "${name}" was refused: ${refusal.message}`,
					{
						description: refusal.hint,
						itemIndex: options.itemIndex,
					},
				);
			}
			if (stats) stats.networkErrors++;
			pacer.report('failed', slotGiven);
			const lost = noAnswerError(context, request, error, options.itemIndex);
			otherFailures++;
			if (!retryLostAnswers || outOfTries(attempt, otherFailures, policy)) throw lost;
			if (stats) stats.retries++;
			await sleep(promptRetryDelayMs(attempt, policy));
			continue;
		}
		const { statusCode } = response;
		pacer.report(outcomeOf(statusCode), slotGiven);
		// Behind a gateway that answered 502 or 504 the request may still have been carried out:
		// for a request that is not safe to repeat, that is a lost answer, for the caller to check.
		if (!retryLostAnswers && (statusCode === 502 || statusCode === 504)) {
			if (stats) stats.serverErrors++;
			throw noAnswerError(
				context,
				request,
				{ code: `${statusCode} from a gateway` },
				options.itemIndex,
			);
		}
		if (!isRetryableStatus(statusCode)) return response;
		if (statusCode !== 429) otherFailures++;
		if (outOfTries(attempt, otherFailures, policy)) return response;
		if (stats) {
			stats.retries++;
			if (statusCode === 429) stats.rateLimited++;
			else stats.serverErrors++;
		}
		const retryAfter = parseRetryAfter(response.headers['retry-after']);
		const delay = answeredRetryDelayMs(attempt, policy, retryAfter);
		if (retryAfter !== undefined && retryAfter >= HOLD_ALL_FROM_MS)
			pacer.holdUntil(Date.now() + delay);
		await sleep(delay);
	}
}

/**
 * The tries are used up when `maxAttempts` of them failed otherwise than with 429 (an outage is
 * not waited out for long), or when every try was used, 429s included.
 */
function outOfTries(attempt: number, otherFailures: number, policy: RetryPolicy) {
	const allTries = policy.maxAttemptsWhenRateLimited ?? policy.maxAttempts;
	return otherFailures >= policy.maxAttempts || attempt >= allTries;
}

/** What an answer tells the pacer about the rate. */
function outcomeOf(statusCode: number): RateOutcome {
	if (statusCode === 429) return 'rateLimited';
	return isRetryableStatus(statusCode) ? 'failed' : 'clean';
}
