import type { IDataObject } from 'n8n-workflow';

import { PAGING } from './apiContract';
import { getJson, unexpectedAnswer, type Ss12000Session } from './ss12000Session';

type JsonRecord = Record<string, unknown>;

const keysOf = (value: unknown) =>
	value && typeof value === 'object' && !Array.isArray(value)
		? Object.keys(value).join(', ') || 'none'
		: Array.isArray(value)
			? 'a bare list'
			: typeof value;

/**
 * Every page of one list. The first request carries the filters; the next ones only the
 * `pageToken` the API gave (SS 12000 refuses filters combined with a pageToken). The records are
 * under `data`, or under `alsoKey` for lists a provider answers otherwise (the reference API's
 * `organisations`). Each record must have an `id`.
 */
export async function readList(
	session: Ss12000Session,
	path: string,
	filters: IDataObject,
	action: string,
	alsoKey?: string,
): Promise<JsonRecord[]> {
	const records: JsonRecord[] = [];
	const seenTokens = new Set<string>();
	let query: IDataObject = { ...filters, [PAGING.limitQuery]: PAGING.pageSize };
	for (;;) {
		const page = (await getJson(session, path, query, action)) as JsonRecord;
		const key = [PAGING.dataKey, alsoKey].find(
			(candidate) => candidate && Array.isArray(page?.[candidate]),
		);
		if (!key) {
			const expected = [PAGING.dataKey, alsoKey].filter(Boolean).join('" or "');
			throw unexpectedAnswer(
				session,
				action,
				`JSON without a "${expected}" list (it had: ${keysOf(page)})`,
			);
		}
		const list = page[key] as unknown[];
		const incomplete = list.find(
			(record) =>
				!record || typeof record !== 'object' || typeof (record as JsonRecord).id !== 'string',
		);
		if (incomplete !== undefined)
			throw unexpectedAnswer(
				session,
				action,
				`records without an id (a record had: ${keysOf(incomplete)})`,
			);
		records.push(...(list as JsonRecord[]));
		const next = page[PAGING.nextKey];
		if (typeof next !== 'string' || next === '') return records;
		if (seenTokens.has(next))
			throw unexpectedAnswer(
				session,
				action,
				'the same pageToken twice (the list would never end)',
			);
		seenTokens.add(next);
		query = { [PAGING.limitQuery]: PAGING.pageSize, [PAGING.pageTokenQuery]: next };
	}
}
