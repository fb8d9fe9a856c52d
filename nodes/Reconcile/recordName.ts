/** How a preview or a held removal names a record: its key and, when it has one, a name. */
import type { IDataObject } from 'n8n-workflow';

function nameOf(record: IDataObject | undefined): string {
	if (!record) return '';
	const name = [record.firstName, record.lastName].filter(Boolean).join(' ');
	return name || (typeof record.name === 'string' ? record.name : '');
}

/** `key "10377" (Anna Berg)`; an Update item is named by its source record. */
export function recordName(json: IDataObject): string {
	const name = nameOf(json) || nameOf(json.source as IDataObject | undefined);
	const key = `key "${String(json.key)}"`;
	return name ? `${key} (${name})` : key;
}
