import type { IExecuteFunctions } from 'n8n-workflow';

import type { RequestStats } from './http/sendWithRetry';

/** Tells the admin in the output pane when a service pushed back, and that it was handled. */
export function reportPushBack(context: IExecuteFunctions, service: string, stats: RequestStats) {
	if (stats.retries === 0) return;
	context.addExecutionHints({
		message:
			`${service} pushed back: ${stats.rateLimited} rate-limit answers (429), ${stats.serverErrors} temporary ` +
			`errors (5xx), ${stats.networkErrors} lost answers. ${stats.retries} requests were retried ` +
			`(${stats.requests} requests in all).`,
		type: 'info',
		location: 'outputPane',
	});
}
