/** The digest as plain text: the mail's text part, for mail programs that show no HTML. Pure. */
import type { MailDocument, MailEntry } from './mailDocument';

function entryLines(entry: MailEntry): string[] {
	return [
		`- ${entry.lead}: ${entry.text}`,
		...entry.details.map((detail) => `  ${detail}`),
		...(entry.link ? [`  ${entry.link}`] : []),
	];
}

export function mailText(document: MailDocument): string {
	const lines = [document.intro];
	for (const section of document.sections) {
		lines.push('', section.title.toUpperCase());
		if (section.entries.length === 0) lines.push(section.none);
		for (const entry of section.entries) lines.push(...entryLines(entry));
	}
	return `${lines.join('\n')}\n`;
}
