/**
 * The morning digest from the Sync history rows and the published workflows: the one item the
 * Send Email node sends (subject, text, html) with the figures it was made from. Pure.
 */
import type { IDataObject } from 'n8n-workflow';

import { readActiveSyncs } from './activeSyncs';
import { mailDocument, outcomeCounts, type OutcomeCounts } from './mailDocument';
import { mailHtml } from './mailHtml';
import { mailText } from './mailText';
import { readNights } from './readNights';
import { sortNights } from './sortNights';
import { readingWarnings, warningsOf } from './warnings';

export interface DigestInput {
	/** Rows of the Sync history table. */
	history: IDataObject[];
	/** Workflows as n8n's "n8n" node lists them; empty when not given. */
	workflows: IDataObject[];
	/** The last digest's time: the nights that ended after it are news. */
	since: Date;
	now: Date;
	timeZone: string;
	/** Skipped records are compared with the latest night at least this many days older. */
	compareDays: number;
}

export interface Digest extends IDataObject {
	subject: string;
	text: string;
	html: string;
	/** ISO 8601. */
	since: string;
	until: string;
	/** Nights since Since. */
	nights: number;
	/** Nights since Since that failed, were refused, stopped or held removals. */
	needsALook: number;
	held: number;
	/** Workflows whose latest night since Since went through. */
	ok: number;
	counts: OutcomeCounts;
	warnings: string[];
}

export function composeDigest(input: DigestInput): Digest {
	const { nights, unreadable } = readNights(input.history, input.timeZone);
	const { syncs, errors } = readActiveSyncs(input.workflows);
	const sections = sortNights(nights, input.since);
	const warnings = [
		...warningsOf({
			nights,
			recent: sections.recent,
			since: input.since,
			activeSyncs: syncs,
			compareDays: input.compareDays,
			timeZone: input.timeZone,
		}),
		...readingWarnings(unreadable, errors),
	];
	const document = mailDocument({
		sections,
		warnings,
		since: input.since,
		timeZone: input.timeZone,
	});
	const counts = outcomeCounts(sections);
	return {
		subject: document.subject,
		text: mailText(document),
		html: mailHtml(document),
		since: input.since.toISOString(),
		until: input.now.toISOString(),
		nights: sections.recent.length,
		needsALook: sections.needsALook.length,
		held: counts.held,
		ok: counts.ok,
		counts,
		warnings: warnings.map(({ about, text }) => `${about}: ${text}`),
	};
}
