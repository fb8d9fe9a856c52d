/**
 * Reads a CSV export into a header and rows, or says exactly why it cannot: a list that is cut
 * off must never pass as a shorter list (downstream, missing people look like people who left).
 */
import { parse } from 'csv-parse/sync';

export interface CsvTable {
	delimiter: ';' | ',';
	header: string[];
	rows: string[][];
}

/** Either the table, or in plain words what the text is instead (e.g. "CSV that was cut off (…)"). */
export type CsvReading =
	| { table: CsvTable; problem?: undefined }
	| { table?: undefined; problem: string };

/** `;` or `,`, whichever the header line has more of (Swedish exports mostly use `;`). */
export function detectDelimiter(text: string): ';' | ',' {
	const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
	const count = (char: string) => firstLine.split(char).length - 1;
	return count(';') >= count(',') ? ';' : ',';
}

export function parseCsvTable(text: string): CsvReading {
	const delimiter = detectDelimiter(text);
	let records: string[][];
	try {
		records = parse(text, {
			bom: true,
			delimiter,
			relax_column_count: true,
			skip_empty_lines: true,
		}) as string[][];
	} catch (error) {
		const code = (error as { code?: string }).code;
		if (code === 'CSV_QUOTE_NOT_CLOSED')
			return { problem: 'CSV that was cut off (it ends inside a quoted field)' };
		return { problem: `text that is not valid CSV (${(error as Error).message})` };
	}
	const [header = [], ...rows] = records;
	const short = rows.findIndex((row) => row.length !== header.length);
	if (short !== -1) {
		const counts = `row ${short + 1} has ${rows[short].length} of the header's ${header.length} fields`;
		const isLast = short === rows.length - 1;
		return {
			problem: isLast
				? `CSV that was cut off (${counts})`
				: `CSV with rows of different lengths (${counts})`,
		};
	}
	return { table: { delimiter, header: header.map((name) => name.trim()), rows } };
}

/** Rows as objects keyed by the header's column names. */
export function rowsAsRecords(table: CsvTable): Array<Record<string, string>> {
	return table.rows.map((row) => Object.fromEntries(table.header.map((name, i) => [name, row[i]])));
}
