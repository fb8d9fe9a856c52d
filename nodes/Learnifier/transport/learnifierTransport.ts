/**
 * The one place the Learnifier node talks HTTP. One instance per execution: all items share its
 * pacer (which learns Learnifier's rate limit from the answers, under the admin's cap) and its
 * counters.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	NodeApiError,
} from 'n8n-workflow';

import { apiError, type StatusWording } from '../../shared/http/apiErrors';
import { isSuccess } from '../../shared/http/isSuccess';
import { RequestPacer } from '../../shared/http/requestPacer';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../shared/http/retryPolicy';
import { newRequestStats, sendWithRetry, type ApiResponse } from '../../shared/http/sendWithRetry';
import {
	CREATED_ID_FIELD,
	CREDENTIAL_TYPE,
	PAGING_HEADERS,
	PATHS,
	QUERY,
	STATUS,
	type LearnifierErrorBody,
	type LearnifierUser,
	type UserChanges,
} from './apiContract';

export interface TransportSettings {
	requestsPerSecond: number;
	maxRetryWaitSeconds: number;
}

/**
 * More tries than the shared default: a nightly sync of thousands of users against a busy
 * Learnifier should ride out long stretches of 429s rather than fail items; the waits stay capped.
 */
export const MAX_ATTEMPTS = 10;
/**
 * While Learnifier answers 429, more tries still: at 35 % refused at random, ten tries lose one
 * write in 36,000 (one night in twenty of 2,000 creates); twenty lose one in 1.3 billion.
 */
export const MAX_ATTEMPTS_WHEN_RATE_LIMITED = 20;

/**
 * Without a cap from the admin the pacer starts here and learns upward (or down, on 429s), up to
 * the ceiling, in requests per second. With a cap it starts at the cap and never exceeds it.
 */
const UNCAPPED_START = 10;
const UNCAPPED_CEILING = 200;

const WORDING: StatusWording = {
	401: 'Learnifier refused the API key or secret in the credential',
	403: 'The API key has no realm-wide access: user sync needs a Back Office key',
	404: 'Learnifier has no such user',
};

export interface UsersPage {
	users: LearnifierUser[];
	more: boolean;
}

export class LearnifierTransport {
	readonly stats = newRequestStats();
	private readonly pacer: RequestPacer;
	private readonly policy: RetryPolicy;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly baseUrl: string,
		settings: TransportSettings,
		/** The credential's key and secret, masked if Learnifier quotes them in an error. */
		private readonly secrets: unknown[] = [],
	) {
		const cap = settings.requestsPerSecond;
		this.pacer = RequestPacer.learning(
			cap > 0 ? { start: cap, ceiling: cap } : { start: UNCAPPED_START, ceiling: UNCAPPED_CEILING },
		);
		this.policy = {
			...DEFAULT_RETRY_POLICY,
			maxAttempts: MAX_ATTEMPTS,
			maxAttemptsWhenRateLimited: MAX_ATTEMPTS_WHEN_RATE_LIMITED,
			maxDelayMs: Math.max(1, settings.maxRetryWaitSeconds) * 1000,
		};
	}

	get node() {
		return this.context.getNode();
	}

	static async forExecution(context: IExecuteFunctions, settings: TransportSettings) {
		const credentials = await context.getCredentials<{
			baseUrl: string;
			apiKey?: string;
			apiSecret?: string;
		}>(CREDENTIAL_TYPE);
		return new LearnifierTransport(
			context,
			String(credentials.baseUrl ?? '').replace(/\/+$/, ''),
			settings,
			[credentials.apiKey, credentials.apiSecret],
		);
	}

	private send<T>(request: IHttpRequestOptions, itemIndex: number, retryLostAnswers = true) {
		return sendWithRetry<T>(
			this.context,
			CREDENTIAL_TYPE,
			{ json: true, ...request, url: this.baseUrl + request.url },
			{ policy: this.policy, pacer: this.pacer, stats: this.stats, retryLostAnswers, itemIndex },
		);
	}

	/** An error in plain words; `action` names what was done to which record. */
	error(response: ApiResponse, action: string, itemIndex: number): NodeApiError {
		const field = (response.body as LearnifierErrorBody | undefined)?.field;
		const wording: StatusWording = field
			? { ...WORDING, 400: `Learnifier refused the value of the field "${field}"` }
			: WORDING;
		return apiError(this.node, response, { action, wording, itemIndex, secrets: this.secrets });
	}

	getUser(id: string, itemIndex: number) {
		return this.send<LearnifierUser>({ method: 'GET', url: PATHS.user(id) }, itemIndex);
	}

	/** The user with this external id, or undefined (404). Other failures come back as the response. */
	async findByExternalId(externalId: string, itemIndex: number) {
		return this.send<LearnifierUser>(
			{ method: 'GET', url: PATHS.userByExternalId, qs: { [QUERY.externalId]: externalId } },
			itemIndex,
		);
	}

	/** Not repeated when the answer is lost: the caller checks whether the user exists first. */
	async createUser(changes: UserChanges, itemIndex: number) {
		const response = await this.send<IDataObject>(
			{ method: 'POST', url: PATHS.users, body: changes },
			itemIndex,
			false,
		);
		const id = isSuccess(response)
			? (response.body?.[CREATED_ID_FIELD] as string | undefined)
			: undefined;
		return { response, id };
	}

	updateUser(id: string, changes: UserChanges, itemIndex: number, autoClearEmail = false) {
		return this.send(
			{
				method: 'PATCH',
				url: PATHS.user(id),
				body: changes,
				qs: autoClearEmail ? { [QUERY.autoClearEmail]: 'true' } : undefined,
			},
			itemIndex,
		);
	}

	deleteUser(id: string, itemIndex: number) {
		return this.send({ method: 'DELETE', url: PATHS.user(id) }, itemIndex);
	}

	async listPage(
		offset: number,
		limit: number,
		itemIndex: number,
	): Promise<ApiResponse<LearnifierUser[]> & { page?: UsersPage }> {
		const response = await this.send<LearnifierUser[]>(
			{ method: 'GET', url: PATHS.users, qs: { [QUERY.limit]: limit, [QUERY.offset]: offset } },
			itemIndex,
		);
		if (!isSuccess(response)) return response;
		const more = String(response.headers[PAGING_HEADERS.more] ?? '').toLowerCase() === 'true';
		return {
			...response,
			page: { users: Array.isArray(response.body) ? response.body : [], more },
		};
	}

	isNotFound = (response: ApiResponse) => response.statusCode === STATUS.notFound;

	isEmailConflict = (response: ApiResponse) => response.statusCode === STATUS.conflict;
}
