/**
 * The floor for the benchmark: the smallest honest Map diff a developer would write by hand for
 * this data (fixed key and field names, no trimming, no duplicate detection, no options).
 */
import type { IDataObject } from 'n8n-workflow';

export interface BareDiff {
	create: number[];
	update: Array<{ source: number; target: number }>;
	unchanged: Array<{ source: number; target: number }>;
	delete: number[];
}

const sameText = (a: unknown, b: unknown) =>
	a === b ||
	(typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase());

export function bareDiff(source: IDataObject[], target: IDataObject[]): BareDiff {
	const targetByKey = new Map<unknown, number>();
	for (let t = 0; t < target.length; t++) targetByKey.set(target[t].externalId, t);
	const matched = new Uint8Array(target.length);
	const diff: BareDiff = { create: [], update: [], unchanged: [], delete: [] };
	for (let s = 0; s < source.length; s++) {
		const t = targetByKey.get(source[s].externalId);
		if (t === undefined) {
			diff.create.push(s);
			continue;
		}
		matched[t] = 1;
		const a = source[s];
		const b = target[t];
		const same =
			a.firstName === b.firstName && a.lastName === b.lastName && sameText(a.email, b.primaryEmail);
		(same ? diff.unchanged : diff.update).push({ source: s, target: t });
	}
	for (let t = 0; t < target.length; t++) if (matched[t] === 0) diff.delete.push(t);
	return diff;
}
