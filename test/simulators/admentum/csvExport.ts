/**
 * Writes CSV the way Swedish school systems export it: UTF-8 with a byte-order mark, `;` between
 * fields, CRLF between rows, a header row, and fields quoted only when they must be.
 */
export const BYTE_ORDER_MARK = '\uFEFF';
export const CSV_DELIMITER = ';';

function field(value: unknown): string {
	const text = value === null || value === undefined ? '' : String(value);
	return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly object[]): string {
	const lines = [
		columns.join(CSV_DELIMITER),
		...rows.map((row) =>
			columns.map((c) => field((row as Record<string, unknown>)[c])).join(CSV_DELIMITER),
		),
	];
	return BYTE_ORDER_MARK + lines.join('\r\n') + '\r\n';
}

/** The CSV cut off in the middle of a row, as a dropped download looks. */
export function cutMidRow(csv: string, share = 0.6): string {
	const rowStart = csv.indexOf('\r\n', Math.floor(csv.length * share)) + 2;
	if (rowStart < 2 || rowStart >= csv.length) return csv.slice(0, Math.floor(csv.length * share));
	return csv.slice(0, rowStart + 3);
}
