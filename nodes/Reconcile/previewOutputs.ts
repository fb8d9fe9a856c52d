/**
 * A preview: what each write would be, as outcome items on Unchanged (which goes straight to the
 * summary), and nothing on Create, Update and Delete, so no writing node runs at all.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	outcomeOf,
	previewOutcome,
	withOutcome,
	SYNC_FIELD,
	type SyncAction,
	type SyncOutcome,
} from '../shared/syncOutcome';
import { recordName } from './recordName';
import { OUTPUT_NAMES } from './toOutputItems';

const at = (name: (typeof OUTPUT_NAMES)[number]) => OUTPUT_NAMES.indexOf(name);

const changeText = (changes: IDataObject) =>
	Object.entries(changes)
		.map(([field, change]) => {
			const { from, to } = change as IDataObject;
			return `${field} ${JSON.stringify(from)} → ${JSON.stringify(to)}`;
		})
		.join('; ');

function would(action: SyncAction, item: INodeExecutionData): INodeExecutionData {
	const outcome: SyncOutcome = { action, record: recordName(item.json), preview: true };
	if (action === 'wouldUpdate') {
		outcome.fields = item.json.changedFields as string[];
		outcome.reason = changeText(item.json.changes as IDataObject);
	}
	return { json: withOutcome(item.json, outcome), pairedItem: item.pairedItem };
}

/** Marks the outcomes already there (unchanged, skipped, held, stopped) as a preview's. */
function marked(items: INodeExecutionData[]): INodeExecutionData[] {
	const copies = new Map<SyncOutcome, SyncOutcome>();
	return items.map((item) => {
		const outcome = outcomeOf(item.json);
		if (!outcome) return item;
		// Unchanged items share one outcome object; so do their preview copies.
		let copy = copies.get(outcome);
		if (!copy) copies.set(outcome, (copy = Object.freeze(previewOutcome(outcome))));
		return { ...item, json: { ...item.json, [SYNC_FIELD]: copy as unknown as IDataObject } };
	});
}

export function previewOutputs(outputs: INodeExecutionData[][]): INodeExecutionData[][] {
	const wouldDo = [
		...outputs[at('Create')].map((item) => would('wouldCreate', item)),
		...outputs[at('Update')].map((item) => would('wouldUpdate', item)),
		...outputs[at('Delete')].map((item) => would('wouldRemove', item)),
	];
	return [
		[],
		[],
		[],
		[...wouldDo, ...marked(outputs[at('Unchanged')])],
		marked(outputs[at('Skipped')]),
	];
}
