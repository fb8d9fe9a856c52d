/**
 * The digest's content, once, for both forms of the mail: a subject, a line that says which
 * nights it covers, and three sections (needs a look, went through, warnings), each a list of
 * entries. mailText and mailHtml only lay it out. Pure.
 */
import type { NightOutcome } from '../../shared/syncHistory';
import { nightLabel, plural } from './labels';
import type { Night } from './readNights';
import { RED_OUTCOMES, type NightSections } from './sortNights';
import { timeText } from './times';
import type { Warning } from './warnings';

export interface MailEntry {
	/** What the entry is about (bold in the HTML mail). */
	lead: string;
	text: string;
	/** Lines under it. */
	details: string[];
	/** The run in n8n's editor: only http(s) addresses are kept. */
	link?: string;
}

export type Tone = 'red' | 'green' | 'amber';

export interface MailSection {
	title: string;
	tone: Tone;
	entries: MailEntry[];
	/** What the section says when it has no entries. */
	none: string;
}

export interface MailDocument {
	subject: string;
	intro: string;
	sections: MailSection[];
}

export type OutcomeCounts = Record<NightOutcome, number>;

export interface DocumentInput {
	sections: NightSections;
	warnings: readonly Warning[];
	since: Date;
	timeZone: string;
}

const httpLink = (url: string) => (/^https?:\/\/\S+$/i.test(url) ? url : undefined);

/** Failed, refused, stopped and held: nights since Since; ok: workflows whose latest night went through. */
export function outcomeCounts(sections: NightSections): OutcomeCounts {
	const counts: OutcomeCounts = { failed: 0, refused: 0, stopped: 0, held: 0, ok: 0 };
	for (const night of sections.needsALook) counts[night.outcome]++;
	counts.ok = sections.wentThrough.length;
	return counts;
}

/** "Sync digest: 1 refused, 1 held, 3 ok — 2 warnings"; a night without news says so. */
export function subjectOf(counts: OutcomeCounts, nights: number, warnings: number): string {
	const outcomes: NightOutcome[] = [...RED_OUTCOMES, 'held', 'ok'];
	const parts = outcomes.filter((outcome) => counts[outcome] > 0).map((o) => `${counts[o]} ${o}`);
	const told = nights === 0 ? 'nothing ran' : parts.join(', ');
	return `Sync digest: ${told}${warnings > 0 ? ` — ${plural(warnings, 'warning')}` : ''}`;
}

function nightEntry(night: Night, timeZone: string, withOutcome: boolean): MailEntry {
	const tags = [night.byHand && 'run by hand', night.preview && 'preview'].filter(Boolean);
	const when = [timeText(night.startedAt, timeZone), ...tags].join(', ');
	const first = withOutcome ? `${night.outcome}, ${when}` : when;
	return {
		lead: nightLabel(night),
		text: night.summary || '(no summary)',
		details: [withOutcome && night.reason ? `${first}: ${night.reason}` : first],
		link: httpLink(night.executionUrl),
	};
}

export function mailDocument(input: DocumentInput): MailDocument {
	const { sections, warnings, timeZone } = input;
	const counts = outcomeCounts(sections);
	const since = timeText(input.since, timeZone);
	const intro =
		sections.recent.length === 0
			? `No sync ran since ${since} (times in ${timeZone}).`
			: `${plural(sections.recent.length, 'night')} since ${since} (times in ${timeZone}).`;
	return {
		subject: subjectOf(counts, sections.recent.length, warnings.length),
		intro,
		sections: [
			{
				title: 'Needs a look',
				tone: 'red',
				entries: sections.needsALook.map((night) => nightEntry(night, timeZone, true)),
				none: 'Nothing: no night failed or held removals.',
			},
			{
				title: 'Went through',
				tone: 'green',
				entries: sections.wentThrough.map((night) => nightEntry(night, timeZone, false)),
				none: 'No sync went through.',
			},
			{
				title: 'Warnings',
				tone: 'amber',
				entries: warnings.map(({ about, text }) => ({ lead: about, text, details: [] })),
				none: 'None.',
			},
		],
	};
}
