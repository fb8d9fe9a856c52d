/**
 * Sends members to GoPublic's import in batches and reads back what happened to each one, as
 * outcomes of the shared contract (nodes/shared/syncOutcome.ts). The import is an upsert, so a
 * request whose answer was lost is safe to send again.
 */
import { NodeApiError, NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { apiError } from '../../shared/http/apiErrors';
import { isSuccess } from '../../shared/http/isSuccess';
import { RequestPacer } from '../../shared/http/requestPacer';
import {
	sendWithRetry,
	type ApiResponse,
	type RequestStats,
} from '../../shared/http/sendWithRetry';
import { doneOutcome, failedOutcome, type SyncOutcome } from '../../shared/syncOutcome';
import {
	STATUS_WORDING,
	countedFailures,
	countsText,
	fieldOfMemberMessage,
	importUrl,
	isImportSummary,
	isMemberIndex,
	isMemberStatus,
	validationProblems,
	type MemberPayload,
	type MemberResult,
	type ValidationProblem,
} from './apiContract';

export const CREDENTIAL_TYPE = 'goPublicApi';

/** GoPublic's limits are not published: batches start at this many per second and learn, up to the ceiling. */
const BATCH_PACING = { start: 5, ceiling: 20 };

export interface SendReport {
	/** One per member sent, in the same order. */
	outcomes: SyncOutcome[];
	/** False when some batch got no usable answer (refused, server error, no answer). */
	everyBatchAnswered: boolean;
}

export interface SendOptions {
	batchSize: number;
	/** e.g. 'Importing members'; starts every request error. */
	action: string;
	/** Throw on the first batch GoPublic refuses as a whole, instead of marking its members failed. */
	stopOnRefusedBatch: boolean;
	/** Counts retries for the push-back note; shared by all sends of one execution. */
	stats?: RequestStats;
	/** The API key, masked if GoPublic quotes it in an error (set by sendMembers). */
	secrets?: unknown[];
}

type Post = (members: MemberPayload[]) => Promise<ApiResponse>;

/** A status we do not know is not success: the member was sent, and GoPublic's words are kept. */
function unconfirmedOutcome(result: MemberResult): SyncOutcome {
	const status = typeof result.status === 'string' ? `"${result.status}"` : 'no status we know';
	const words = result.message ? `: ${result.message}` : '';
	return doneOutcome(
		'unconfirmed',
		`GoPublic answered ${status} for this member${words}; not confirmed as imported`,
	);
}

function memberOutcome(result: MemberResult | undefined): SyncOutcome {
	if (!result) return doneOutcome('sent');
	if (!isMemberStatus(result.status)) return unconfirmedOutcome(result);
	if (result.status === 'failed') {
		return failedOutcome(
			{ field: fieldOfMemberMessage(result.message) },
			result.message ?? 'GoPublic did not import this member',
		);
	}
	return doneOutcome(result.status, result.message);
}

/**
 * Any 2xx: every member was received; per-member detail only where the body clearly carries it.
 * When the body counts more failures than it names (a counts-only answer whose `failed` is above
 * 0), the members it said nothing clear about cannot be told apart from the failed ones: they are
 * all failed, with its counts, rather than any failure passing as success.
 */
function outcomesOfSuccess(body: unknown, count: number): SyncOutcome[] {
	const byIndex = new Map(
		isImportSummary(body) ? body.results.map((result) => [result.index, result]) : [],
	);
	const outcomes = Array.from({ length: count }, (_, index) => memberOutcome(byIndex.get(index)));
	const counted = countedFailures(body);
	const named = outcomes.filter((outcome) => outcome.action === 'failed').length;
	if (counted <= named) return outcomes;
	const reason =
		`GoPublic's answer counts ${counted} of the ${count} members of this request as failed ` +
		`without saying which (${countsText(body)}); those it said nothing clear about are not taken as imported`;
	return outcomes.map((outcome) =>
		outcome.action === 'sent' || outcome.action === 'unconfirmed'
			? failedOutcome({}, reason)
			: outcome,
	);
}

/** GoPublic refuses the whole batch for one invalid member: report those, send the rest again. */
async function resendWithoutInvalid(
	post: Post,
	batch: MemberPayload[],
	problems: ReturnType<typeof validationProblems>,
	report: SendReport,
	options: SendOptions,
	context: IExecuteFunctions,
): Promise<SyncOutcome[]> {
	const outcomes: (SyncOutcome | undefined)[] = batch.map(() => undefined);
	for (const problem of problems) {
		const index = problem.index!;
		const reason = `GoPublic refused "${problem.field}": ${problem.message}`;
		const earlier = outcomes[index];
		outcomes[index] = earlier
			? failedOutcome({ field: earlier.field }, `${earlier.reason}; ${reason}`)
			: failedOutcome({ field: problem.field }, reason);
	}
	const rest = batch
		.map((member, index) => ({ member, index }))
		.filter(({ index }) => !outcomes[index]);
	if (rest.length > 0) {
		const resent = await sendBatch(
			post,
			rest.map(({ member }) => member),
			report,
			options,
			context,
		);
		rest.forEach(({ index }, i) => (outcomes[index] = resent[i]));
	}
	return outcomes as SyncOutcome[];
}

/** The whole batch refused (key, address, IP whitelist, service down, no answer). */
function refusedAsWhole(
	batch: MemberPayload[],
	report: SendReport,
	options: SendOptions,
	error: Error,
): SyncOutcome[] {
	if (options.stopOnRefusedBatch) throw error;
	report.everyBatchAnswered = false;
	return batch.map(() => failedOutcome({}, error.message, true));
}

/** `Importing members failed: ... (Validation failed): "email" email is ... (index -1, ...)`. */
function unplacedReason(error: Error, problems: ValidationProblem[], size: number): string {
	const said = problems
		.map(
			(problem) =>
				`"${problem.field}": ${problem.message} (index ${String(problem.index)}, not a member of this request of ${size})`,
		)
		.join('; ');
	const service = (error as { description?: string }).description;
	return `${error.message}${service ? ` (${service})` : ''}: ${said}`;
}

async function sendBatch(
	post: Post,
	batch: MemberPayload[],
	report: SendReport,
	options: SendOptions,
	context: IExecuteFunctions,
): Promise<SyncOutcome[]> {
	let response: ApiResponse;
	try {
		response = await post(batch);
	} catch (error) {
		const failure =
			error instanceof NodeApiError
				? error
				: new NodeOperationError(context.getNode(), error as Error);
		return refusedAsWhole(batch, report, options, failure);
	}
	if (isSuccess(response)) return outcomesOfSuccess(response.body, batch.length);
	const error = apiError(context.getNode(), response, {
		action: options.action,
		wording: STATUS_WORDING,
		secrets: options.secrets,
	});
	if (response.statusCode === 400) {
		const problems = validationProblems(response.body);
		// Each resend leaves out at least one member, so the batch shrinks until it is accepted.
		const placed = problems.filter((problem) => isMemberIndex(problem.index, batch.length));
		if (placed.length > 0)
			return resendWithoutInvalid(post, batch, placed, report, options, context);
		// Problems about members none of this batch is (an index below 0, with a fraction, past
		// the end): the batch would shrink no further, so its members fail with GoPublic's words.
		if (problems.some((problem) => problem.index !== null && problem.index !== undefined)) {
			return batch.map(() => failedOutcome({}, unplacedReason(error, problems, batch.length)));
		}
	}
	return refusedAsWhole(batch, report, options, error);
}

export async function sendMembers(
	context: IExecuteFunctions,
	members: MemberPayload[],
	options: SendOptions,
): Promise<SendReport> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const url = importUrl(credentials);
	const sendOptions: SendOptions = { ...options, secrets: [credentials.apiKey] };
	const report: SendReport = { outcomes: [], everyBatchAnswered: true };
	const pacer = RequestPacer.learning(BATCH_PACING);
	const post: Post = (batch) =>
		sendWithRetry(
			context,
			CREDENTIAL_TYPE,
			{
				method: 'POST',
				url,
				headers: { 'Content-Type': 'application/json' },
				body: { members: batch },
				json: true,
			},
			{ retryLostAnswers: true, stats: options.stats, pacer },
		);
	const size = Math.max(1, Math.floor(options.batchSize));
	for (let start = 0; start < members.length; start += size) {
		report.outcomes.push(
			...(await sendBatch(post, members.slice(start, start + size), report, sendOptions, context)),
		);
	}
	return report;
}
