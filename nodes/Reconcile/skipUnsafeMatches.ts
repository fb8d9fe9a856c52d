/**
 * The rare cases planChanges does not match, moved to Skipped with a reason an admin can act on:
 * a key held by several records, a value that must be unique shared by several source records,
 * a record without a key. Apart from missingKey, only called when such records were found, so
 * the common path never pays for them.
 */
import {
	describeMissingKey,
	keyText,
	parseFieldPath,
	readField,
	type DataRecord,
} from './fieldValues';
import type { ChangePlan, Delete, PlanOptions, Skip } from './planChanges';

/**
 * Moves source records that share a value of a field that must be unique (two people with one
 * e-mail address) to Skipped, with their matched target records: the target would refuse the
 * second one every night, and guessing who owns the value could take it from the right person.
 */
export function skipSharedValues(
	plan: ChangePlan,
	source: readonly DataRecord[],
	field: string,
	inNfc: boolean,
): void {
	const path = parseFieldPath(field);
	const valueOf = (s: number) => keyText(readField(source[s], path), inNfc)?.toLowerCase();
	const holders = new Map<string, number>();
	const entries = [...plan.create, ...plan.update, ...plan.unchanged];
	for (const { source: s } of entries) {
		const value = valueOf(s);
		if (value !== undefined) holders.set(value, (holders.get(value) ?? 0) + 1);
	}
	const isShared = (entry: { source: number }) =>
		(holders.get(valueOf(entry.source) ?? '') ?? 0) > 1;
	const shared = entries.filter(isShared).sort((a, b) => a.source - b.source);
	if (shared.length === 0) return;
	const keysByValue = new Map<string, string[]>();
	for (const { source: s, key } of shared)
		keysByValue.set(valueOf(s)!, [...(keysByValue.get(valueOf(s)!) ?? []), key]);
	const reason = (s: number) => {
		const keys = keysByValue.get(valueOf(s)!)!;
		return (
			`The ${field} "${readField(source[s], path)}" is used by ${keys.length} source records ` +
			`(keys ${keys.map((key) => `"${key}"`).join(', ')}); it must be unique, so none of them is synced ` +
			`until the source is corrected.`
		);
	};
	plan.create = plan.create.filter((entry) => !isShared(entry));
	plan.update = plan.update.filter((entry) => !isShared(entry));
	plan.unchanged = plan.unchanged.filter((entry) => !isShared(entry));
	const skipped: Skip[] = [];
	for (const entry of shared) {
		skipped.push({
			side: 'source',
			index: entry.source,
			key: entry.key,
			reason: reason(entry.source),
		});
		if ('target' in entry) {
			skipped.push({
				side: 'target',
				index: entry.target as number,
				key: entry.key,
				reason: reason(entry.source),
			});
		}
	}
	plan.skipped = [...plan.skipped, ...skipped].sort(sourceFirstInInputOrder);
}

const sourceFirstInInputOrder = (a: Skip, b: Skip) =>
	Number(a.side === 'target') - Number(b.side === 'target') || a.index - b.index;

export function missingKey(
	side: Skip['side'],
	index: number,
	value: unknown,
	keyField: string,
): Skip {
	return {
		side,
		index,
		reason: `The ${side} key field "${keyField}" ${describeMissingKey(value)}.`,
	};
}

/** Moves every record whose key is in `sharedKeys`, on either side, from its output to Skipped. */
export function skipSharedKeys(
	plan: ChangePlan,
	sharedKeys: ReadonlySet<string>,
	lookupOf: (key: string) => string,
	targetRecords: readonly DataRecord[],
	targetKeyOf: (index: number) => string | undefined,
	options: PlanOptions,
): void {
	const targetLength = targetRecords.length;
	const isShared = (entry: { key: string }) => sharedKeys.has(lookupOf(entry.key));
	const sourceEntries = [...plan.create, ...plan.update, ...plan.unchanged].filter(isShared);
	const targetEntries: Delete[] = [];
	for (let t = 0; t < targetLength; t++) {
		const key = targetKeyOf(t);
		if (key !== undefined && sharedKeys.has(lookupOf(key))) targetEntries.push({ target: t, key });
	}
	const count = (entries: Array<{ key: string }>) => {
		const counts = new Map<string, number>();
		for (const { key } of entries) counts.set(lookupOf(key), (counts.get(lookupOf(key)) ?? 0) + 1);
		return (key: string) => counts.get(lookupOf(key)) ?? 0;
	};
	const sourceCount = count(sourceEntries);
	const targetCount = count(targetEntries);
	const idPath = options.targetIdField ? parseFieldPath(options.targetIdField) : undefined;
	const targetIds = (key: string) => {
		if (!idPath) return '';
		const ids = targetEntries
			.filter((entry) => lookupOf(entry.key) === lookupOf(key))
			.map(({ target }) => readField(targetRecords[target], idPath))
			.filter((id) => id !== undefined && id !== null && id !== '')
			.map((id) => `"${String(id)}"`);
		return ids.length > 0 ? `, ${options.targetIdField} ${ids.join(', ')}` : '';
	};
	const reason = (key: string) =>
		`The key "${key}" is held by ${countText(sourceCount(key), 'source')} and ` +
		`${countText(targetCount(key), 'target')}${targetIds(key)} (source field "${options.sourceKeyField}", target field ` +
		`"${options.targetKeyField}"${options.ignoreKeyCase ? ', ignoring case' : ''}); records that share a key are not matched.`;

	plan.create = plan.create.filter((entry) => !isShared(entry));
	plan.update = plan.update.filter((entry) => !isShared(entry));
	plan.unchanged = plan.unchanged.filter((entry) => !isShared(entry));
	plan.delete = plan.delete.filter((entry) => !isShared(entry));
	const skipped: Skip[] = [
		...sourceEntries.map(({ source, key }) => ({
			side: 'source' as const,
			index: source,
			key,
			reason: reason(key),
		})),
		...targetEntries.map(({ target, key }) => ({
			side: 'target' as const,
			index: target,
			key,
			reason: reason(key),
		})),
	];
	plan.skipped = [...plan.skipped, ...skipped].sort(sourceFirstInInputOrder);
}

const countText = (count: number, side: string) =>
	`${count} ${side} record${count === 1 ? '' : 's'}`;
