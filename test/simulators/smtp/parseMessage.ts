/**
 * Reads a received e-mail the way a mail program shows it: headers unfolded and their
 * `=?charset?Q|B?...?=` words decoded (RFC 2047), and the plain-text body decoded from
 * quoted-printable or base64 in its charset. Of a multipart message the first text/plain part is
 * the text. Enough for what nodemailer sends; not a general MIME parser.
 */

export interface ParsedMessage {
	/** Lower-case header name → decoded value (the last one when a header repeats). */
	headers: Record<string, string>;
	subject: string;
	/** The plain-text body, with \n line ends. '' when the message has no text part. */
	text: string;
}

export function parseMessage(raw: string): ParsedMessage {
	const { headers, body } = splitHeaders(raw);
	return {
		headers,
		subject: headers.subject ?? '',
		text: textOf(headers, body).replace(/\r\n/g, '\n'),
	};
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
	const end = raw.search(/\r?\n\r?\n/);
	const head = end === -1 ? raw : raw.slice(0, end);
	const body = end === -1 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '');
	const headers: Record<string, string> = {};
	// A line that starts with white space continues the header above it (folding).
	for (const line of head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(
				line.slice(colon + 1).trim(),
			);
	}
	return { headers, body };
}

function textOf(headers: Record<string, string>, body: string): string {
	const contentType = headers['content-type'] ?? 'text/plain';
	const boundary = parameter(contentType, 'boundary');
	if (/^multipart\//i.test(contentType) && boundary) {
		for (const part of partsOf(body, boundary)) {
			const parsed = splitHeaders(part);
			const text = textOf(parsed.headers, parsed.body);
			if (text !== '' || /^text\/plain/i.test(parsed.headers['content-type'] ?? 'text/plain'))
				return text;
		}
		return '';
	}
	if (!/^text\/plain/i.test(contentType)) return '';
	return decodeBody(
		body,
		headers['content-transfer-encoding'] ?? '7bit',
		parameter(contentType, 'charset') ?? 'utf-8',
	);
}

function partsOf(body: string, boundary: string): string[] {
	const delimiter = `--${boundary}`;
	const sections = body.split(
		new RegExp(`^${escapeRegExp(delimiter)}(?:--)?[ \\t]*\\r?$\\n?`, 'm'),
	);
	// sections[0] is the preamble; the last one is what follows the closing delimiter.
	return sections.slice(1, -1).map((part) => part.replace(/\r?\n$/, ''));
}

function decodeBody(body: string, transferEncoding: string, charset: string): string {
	switch (transferEncoding.trim().toLowerCase()) {
		case 'quoted-printable':
			return decodeBytes(quotedPrintableBytes(body.replace(/=\r?\n/g, '')), charset);
		case 'base64':
			return decodeBytes(Buffer.from(body.replace(/\s+/g, ''), 'base64'), charset);
		default:
			return body;
	}
}

/** RFC 2047 encoded words; white space between two adjacent encoded words is dropped. */
function decodeWords(value: string): string {
	return value
		.replace(/(\?=)\s+(?==\?)/g, '$1')
		.replace(
			/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
			(_, charset: string, encoding: string, text: string) =>
				encoding.toUpperCase() === 'B'
					? decodeBytes(Buffer.from(text, 'base64'), charset)
					: decodeBytes(quotedPrintableBytes(text.replace(/_/g, ' ')), charset),
		);
}

function quotedPrintableBytes(text: string): Buffer {
	const input = Buffer.from(text, 'utf8');
	const bytes: number[] = [];
	for (let i = 0; i < input.length; i++) {
		const hex = input.toString('latin1', i + 1, i + 3);
		if (input[i] === 0x3d && /^[0-9A-Fa-f]{2}$/.test(hex)) {
			bytes.push(parseInt(hex, 16));
			i += 2;
		} else {
			bytes.push(input[i]);
		}
	}
	return Buffer.from(bytes);
}

function decodeBytes(bytes: Buffer, charset: string): string {
	return new TextDecoder(charset.trim().toLowerCase()).decode(bytes);
}

function parameter(headerValue: string, name: string): string | undefined {
	const match = new RegExp(`;\\s*${name}\\s*=\\s*("([^"]*)"|[^;\\s]+)`, 'i').exec(headerValue);
	return match ? (match[2] ?? match[1]) : undefined;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
