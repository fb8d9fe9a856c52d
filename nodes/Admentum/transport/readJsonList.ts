import { JSON_API } from './apiContract';
import { getText, unexpectedAnswer, type AdmentumSession } from './admentumSession';

type JsonRecord = Record<string, unknown>;

const keysOf = (value: unknown) =>
	value && typeof value === 'object' && !Array.isArray(value)
		? Object.keys(value).join(', ') || 'none'
		: typeof value;

/** Every page of one JSON list (following `next` links), after checking each record has the fields we need. */
export async function readJsonList(
	session: AdmentumSession,
	path: string,
	qs: Record<string, string | number>,
	action: string,
	requiredFields: readonly string[],
): Promise<JsonRecord[]> {
	const list = {
		action,
		expected: `JSON pages with a "${JSON_API.resultsKey}" list of records with ${requiredFields.join(', ')}`,
	};
	const records: JsonRecord[] = [];
	let next: string | null = path;
	let query: Record<string, string | number> = {
		...JSON_API.fixedQuery,
		[JSON_API.pageSizeQuery]: JSON_API.pageSize,
		...qs,
	};
	while (next) {
		const text = await getText(session, next, list, query);
		let page: JsonRecord;
		try {
			page = JSON.parse(text) as JsonRecord;
		} catch {
			throw unexpectedAnswer(
				session,
				list,
				`text that is not complete JSON (cut off after ${text.length} characters?)`,
			);
		}
		const results = page?.[JSON_API.resultsKey];
		if (!Array.isArray(results)) {
			throw unexpectedAnswer(
				session,
				list,
				`JSON without a "${JSON_API.resultsKey}" list (it had: ${keysOf(page)})`,
			);
		}
		const incomplete = results.find(
			(r: unknown) => !r || typeof r !== 'object' || requiredFields.some((f) => !(f in r)),
		);
		if (incomplete !== undefined) {
			const missing = requiredFields.filter((f) => !(incomplete && f in incomplete));
			throw unexpectedAnswer(
				session,
				list,
				`records without ${missing.join(', ')} (a record had: ${keysOf(incomplete)})`,
			);
		}
		records.push(...(results as JsonRecord[]));
		const link = page[JSON_API.nextKey];
		next = typeof link === 'string' && link !== '' ? link : null;
		// The `next` link carries the whole query already.
		query = {};
	}
	return records;
}
