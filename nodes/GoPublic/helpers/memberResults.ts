/**
 * Turns what happened to each member into output items of the outcome contract, and, when
 * "Continue On Fail" is off, into one error that lists every member whose write failed (raised
 * after the others were sent). Skipped members (the input lacks what GoPublic needs) never raise.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { describeOutcome, withOutcome, type SyncOutcome } from '../../shared/syncOutcome';

export interface MemberResultRow {
	itemIndex: number;
	uuids: string[];
	/** The member's name as mapped, when there is one. */
	name?: string;
	/** How outcomes name the member. */
	record?: string;
	outcome: SyncOutcome;
}

const MAX_LISTED = 100;

function failureError(
	context: IExecuteFunctions,
	rows: MemberResultRow[],
	failures: MemberResultRow[],
) {
	const count = (action: string) => rows.filter((row) => row.outcome.action === action).length;
	const first = describeOutcome(failures[0].outcome);
	const message =
		failures.length === 1
			? first
			: `${failures.length} of ${rows.length} members were not imported, e.g. ${first}`;
	const listed = failures.slice(0, MAX_LISTED).map((row) => describeOutcome(row.outcome));
	if (failures.length > MAX_LISTED) listed.push(`... and ${failures.length - MAX_LISTED} more`);
	const sent =
		`The other members were sent: ${count('created')} created, ${count('updated')} updated, ` +
		`${count('unchanged')} unchanged, ${count('locked')} locked, ${count('sent')} sent, ${count('skipped')} skipped.`;
	return new NodeOperationError(context.getNode(), message, {
		description: `${listed.join('\n')}\n\n${sent} Turn on "Continue On Fail" in the node's settings to get the failed members as items instead.`,
		itemIndex: failures[0].itemIndex,
	});
}

/** One item per row; throws (after all were sent) when some failed and Continue On Fail is off. */
export function toOutputItems(
	context: IExecuteFunctions,
	rows: MemberResultRow[],
): INodeExecutionData[] {
	const failures = rows.filter((row) => row.outcome.action === 'failed');
	if (failures.length > 0 && !context.continueOnFail()) throw failureError(context, rows, failures);
	return rows.map((row) => ({
		json: withOutcome(
			{ uuids: row.uuids, ...(row.name ? { name: row.name } : {}), status: row.outcome.action },
			row.outcome,
		),
		pairedItem: { item: row.itemIndex },
	}));
}
