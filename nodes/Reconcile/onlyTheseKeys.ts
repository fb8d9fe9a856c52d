/** "Only These Keys": the run limited to a few people, on both sides, before anything is planned. */
import type { INodeExecutionData } from 'n8n-workflow';

import { keyText, parseFieldPath, readField } from './fieldValues';

export function onlyTheseKeys(
	items: INodeExecutionData[],
	keyField: string,
	keys: readonly string[],
	ignoreCase: boolean,
): INodeExecutionData[] {
	if (keys.length === 0) return items;
	const lookup = (key: string) => (ignoreCase ? key.toLowerCase() : key);
	const wanted = new Set(keys.map(lookup));
	const path = parseFieldPath(keyField);
	return items.filter((item) => {
		const key = keyText(readField(item.json, path));
		return key !== undefined && wanted.has(lookup(key));
	});
}
