/**
 * Sends members to GoPublic's import in batches and reads back what happened to each one. The
 * import is an upsert, so a request whose answer was lost is safe to send again.
 */
import { NodeApiError, NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { apiError } from '../../shared/http/apiErrors';
import { newRequestStats, sendWithRetry, type RequestStats } from '../../shared/http/sendWithRetry';
import {
	STATUS_WORDING,
	importUrl,
	isImportSummary,
	validationProblems,
	type MemberPayload,
	type MemberStatus,
} from './apiContract';

export const CREDENTIAL_TYPE = 'goPublicApi';

export interface MemberOutcome {
	status: MemberStatus;
	/** Why it failed, in GoPublic's or our words. */
	message?: string;
}

export interface SendReport {
	/** One per member sent, in the same order. */
	outcomes: MemberOutcome[];
	/** Requests sent, retries not counted. */
	batches: number;
	/** False when some batch got no usable answer (refused, server error, no answer). */
	everyBatchAnswered: boolean;
	stats: RequestStats;
}

export interface SendOptions {
	batchSize: number;
	/** e.g. 'Importing members'; starts every request error. */
	action: string;
	/** Throw on the first batch GoPublic refuses as a whole, instead of marking its members failed. */
	stopOnRefusedBatch: boolean;
}

type Post = (members: MemberPayload[]) => ReturnType<typeof sendWithRetry>;

async function sendBatch(
	post: Post,
	batch: MemberPayload[],
	report: SendReport,
	options: SendOptions,
	context: IExecuteFunctions,
): Promise<MemberOutcome[]> {
	report.batches++;
	let response;
	try {
		response = await post(batch);
	} catch (error) {
		const failure = error instanceof NodeApiError ? error : new NodeOperationError(context.getNode(), error as Error);
		if (options.stopOnRefusedBatch) throw failure;
		report.everyBatchAnswered = false;
		return batch.map(() => ({
			status: 'failed' as const,
			message: failure.message,
		}));
	}
	if (response.statusCode === 200 && isImportSummary(response.body)) {
		const byIndex = new Map(response.body.results.map((result) => [result.index, result]));
		return batch.map((_, index) => {
			const result = byIndex.get(index);
			if (!result)
				return {
					status: 'failed',
					message: 'GoPublic did not report on this member',
				};
			return result.message === undefined
				? { status: result.status }
				: { status: result.status, message: result.message };
		});
	}
	const problems = validationProblems(response.body).filter(
		(p) => typeof p.index === 'number' && p.index < batch.length,
	);
	if (response.statusCode === 400 && problems.length > 0) {
		// GoPublic refuses the whole batch for one invalid member: report those, send the rest again.
		const outcomes: (MemberOutcome | undefined)[] = batch.map(() => undefined);
		for (const problem of problems) {
			const reason = `GoPublic refused "${problem.field}": ${problem.message}`;
			const earlier = outcomes[problem.index!]?.message;
			outcomes[problem.index!] = {
				status: 'failed',
				message: earlier ? `${earlier}; ${reason}` : reason,
			};
		}
		const rest = batch.map((member, index) => ({ member, index })).filter(({ index }) => !outcomes[index]);
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
		return outcomes as MemberOutcome[];
	}
	const error = apiError(context.getNode(), response, {
		action: options.action,
		wording: STATUS_WORDING,
	});
	if (options.stopOnRefusedBatch) throw error;
	report.everyBatchAnswered = false;
	return batch.map(() => ({
		status: 'failed' as const,
		message: error.message,
	}));
}

export async function sendMembers(
	context: IExecuteFunctions,
	members: MemberPayload[],
	options: SendOptions,
): Promise<SendReport> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const url = importUrl(credentials);
	const report: SendReport = {
		outcomes: [],
		batches: 0,
		everyBatchAnswered: true,
		stats: newRequestStats(),
	};
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
			{ stats: report.stats, retryLostAnswers: true },
		);
	const size = Math.max(1, Math.floor(options.batchSize));
	for (let start = 0; start < members.length; start += size) {
		report.outcomes.push(...(await sendBatch(post, members.slice(start, start + size), report, options, context)));
	}
	return report;
}
