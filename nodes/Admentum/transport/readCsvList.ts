import { parseCsvTable, rowsAsRecords } from './parseCsvTable';
import { getText, unexpectedAnswer, type AdmentumSession } from './admentumSession';

/** One CSV list as records keyed by column name, after checking it has the columns we need. */
export async function readCsvList(
	session: AdmentumSession,
	path: string,
	qs: Record<string, string | number>,
	action: string,
	requiredColumns: readonly string[],
): Promise<Array<Record<string, string>>> {
	const list = { action, expected: `CSV with the columns ${requiredColumns.join(';')}` };
	const text = await getText(session, path, list, qs);
	const { table, problem } = parseCsvTable(text);
	if (!table) throw unexpectedAnswer(session, list, problem);
	const missing = requiredColumns.filter((column) => !table.header.includes(column));
	if (missing.length > 0) {
		const had = table.header.length > 0 ? table.header.join(table.delimiter) : 'no header at all';
		throw unexpectedAnswer(
			session,
			list,
			`CSV with the columns ${had} (missing: ${missing.join(', ')})`,
		);
	}
	return rowsAsRecords(table);
}
