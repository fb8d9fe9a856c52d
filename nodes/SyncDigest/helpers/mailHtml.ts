/**
 * The digest as HTML: the mail most programs show. Every value is escaped: names, reasons and
 * summaries come from the syncs' data, and a name may hold anything. Pure.
 */
import type { MailDocument, MailEntry, Tone } from './mailDocument';

const TONE_COLOURS: Record<Tone, string> = { red: '#b42318', green: '#1a7f37', amber: '#9a6700' };
/** An empty section's title: a green morning has nothing red in it. */
const QUIET_COLOUR = '#59636e';

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/** Text as HTML shows it, in an element or in a quoted attribute. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

function entryHtml(entry: MailEntry): string {
	const lines = [
		`<strong>${escapeHtml(entry.lead)}</strong>: ${escapeHtml(entry.text)}`,
		...entry.details.map(
			(detail) => `<span style="color:${QUIET_COLOUR}">${escapeHtml(detail)}</span>`,
		),
		...(entry.link ? [`<a href="${escapeHtml(entry.link)}">Open the run</a>`] : []),
	];
	return `<li style="margin-bottom:8px">${lines.join('<br>')}</li>`;
}

export function mailHtml(document: MailDocument): string {
	const parts = [`<p>${escapeHtml(document.intro)}</p>`];
	for (const section of document.sections) {
		const colour = section.entries.length > 0 ? TONE_COLOURS[section.tone] : QUIET_COLOUR;
		parts.push(
			`<h3 style="color:${colour};margin:16px 0 4px">${escapeHtml(section.title)}</h3>`,
			section.entries.length === 0
				? `<p style="margin:0">${escapeHtml(section.none)}</p>`
				: `<ul style="margin:0;padding-left:20px">${section.entries.map(entryHtml).join('')}</ul>`,
		);
	}
	return `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2328">${parts.join('\n')}</div>`;
}
