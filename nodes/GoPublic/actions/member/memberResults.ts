/**
 * Turns what happened to each member into output items, and, when "Continue On Fail" is off,
 * into one error that lists every member that did not make it (raised after the others were sent).
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import type { MemberStatus } from '../../transport/apiContract';
import { describeItem } from '../../helpers/buildMember';

export interface MemberResultRow {
	itemIndex: number;
	uuids: string[];
	status: MemberStatus;
	/** Reason of a failure, without the item prefix. */
	message?: string;
	/** Extra fields for the output item (e.g. name). */
	extra?: Record<string, unknown>;
}

/** What the Sync Summary node counts: `{ action, reason? }`, the same shape every sync node puts out. */
export const syncOutcome = (status: string, reason?: string): IDataObject =>
	reason === undefined ? { action: status } : { action: status, reason };

const failureText = (row: MemberResultRow) => `${describeItem(row.itemIndex, row.uuids)}: ${row.message ?? 'failed'}`;

const MAX_LISTED = 100;

function failureError(context: IExecuteFunctions, rows: MemberResultRow[], failures: MemberResultRow[]) {
	const count = (status: MemberStatus) => rows.filter((row) => row.status === status).length;
	const message =
		failures.length === 1
			? failureText(failures[0])
			: `${failures.length} of ${rows.length} members were not imported, e.g. ${failureText(failures[0])}`;
	const listed = failures.slice(0, MAX_LISTED).map(failureText);
	if (failures.length > MAX_LISTED) listed.push(`... and ${failures.length - MAX_LISTED} more`);
	const sent =
		`The other members were sent: ${count('created')} created, ${count('updated')} updated, ` +
		`${count('unchanged')} unchanged, ${count('locked')} locked.`;
	return new NodeOperationError(context.getNode(), message, {
		description: `${listed.join('\n')}\n\n${sent} Turn on "Continue On Fail" in the node's settings to get the failed members as items with an "error" field instead.`,
		itemIndex: failures[0].itemIndex,
	});
}

/** One item per row; throws (after all were sent) when some failed and Continue On Fail is off. */
export function toOutputItems(context: IExecuteFunctions, rows: MemberResultRow[]): INodeExecutionData[] {
	const failures = rows.filter((row) => row.status === 'failed');
	if (failures.length > 0 && !context.continueOnFail()) throw failureError(context, rows, failures);
	return rows.map((row) => ({
		json:
			row.status === 'failed'
				? {
						error: failureText(row),
						uuids: row.uuids,
						status: row.status,
						...row.extra,
						_sync: syncOutcome(row.status, failureText(row)),
					}
				: {
						uuids: row.uuids,
						status: row.status,
						...(row.message ? { message: row.message } : {}),
						...row.extra,
						_sync: syncOutcome(row.status, row.message),
					},
		pairedItem: { item: row.itemIndex },
	}));
}
