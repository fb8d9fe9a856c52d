/**
 * The rows of the Sync history table, as n8n's Data table node puts them out, read into nights.
 * The empty item the node puts out when the table has no rows (`{}`) is not a night; any other
 * item without a workflow, a start time or a known outcome is counted, so the digest can say so
 * instead of leaving it out in silence (a wrong node wired to History shows that way). Pure.
 */
import type { IDataObject } from 'n8n-workflow';

import { NIGHT_OUTCOMES, type NightOutcome } from '../../shared/syncHistory';
import { trimmedText } from '../../shared/values';
import { readTime } from './times';

export interface Night {
	workflowId: string;
	workflowName: string;
	customer: string;
	target: string;
	startedAt: Date;
	/** When the night ended: the row's endedAt, or its startedAt when it has none. */
	endedAt: Date;
	outcome: NightOutcome;
	summary: string;
	reason: string;
	heldCode: string;
	/** How many removals were held. */
	held: number;
	/** Skipped records by reason. */
	skippedReasons: Record<string, number>;
	executionUrl: string;
	preview: boolean;
	byHand: boolean;
}

export interface ReadNights {
	nights: Night[];
	/** Items that are not empty and lack a workflow, a start time or a known outcome. */
	unreadable: number;
}

const text = (value: unknown) => trimmedText(value) ?? '';

const isOutcome = (value: string): value is NightOutcome =>
	(NIGHT_OUTCOMES as readonly string[]).includes(value);

/** `{"reason": count}` as JSON text (as the table keeps it) or as an object; anything else is none. */
export function readSkippedReasons(value: unknown): Record<string, number> {
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			return {};
		}
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
	const reasons: Record<string, number> = {};
	for (const [reason, count] of Object.entries(parsed)) {
		const number = Number(count);
		if (Number.isFinite(number) && number > 0) reasons[reason] = number;
	}
	return reasons;
}

function readNight(row: IDataObject, timeZone: string): Night | undefined {
	if (text(row.workflowId) === '') return undefined;
	const startedAt = readTime(row.startedAt, timeZone);
	const outcome = text(row.outcome).toLowerCase();
	if (startedAt === undefined || !isOutcome(outcome)) return undefined;
	const held = Number(row.held);
	return {
		workflowId: text(row.workflowId),
		workflowName: text(row.workflowName),
		customer: text(row.customer),
		target: text(row.target),
		startedAt,
		endedAt: readTime(row.endedAt, timeZone) ?? startedAt,
		outcome,
		summary: text(row.summary),
		reason: text(row.reason),
		heldCode: text(row.heldCode),
		held: Number.isFinite(held) ? held : 0,
		skippedReasons: readSkippedReasons(row.skippedReasons),
		executionUrl: text(row.executionUrl),
		preview: text(row.mode) === 'preview',
		byHand: text(row.trigger) === 'manual',
	};
}

/** The nights of `rows`, oldest first. */
export function readNights(rows: IDataObject[], timeZone: string): ReadNights {
	const nights: Night[] = [];
	let unreadable = 0;
	for (const row of rows) {
		if (Object.keys(row).length === 0) continue;
		const night = readNight(row, timeZone);
		if (night) nights.push(night);
		else unreadable++;
	}
	nights.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
	return { nights, unreadable };
}
