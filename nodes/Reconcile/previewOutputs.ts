/**
 * A preview: what each write would be, as outcome items on Unchanged (which goes straight to the
 * summary), and nothing on Create, Update and Delete, so no writing node runs at all.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	markedAsPreview,
	withOutcome,
	type SyncAction,
	type SyncOutcome,
} from '../shared/syncOutcome';
import { recordName } from './recordName';
import { byOutput, outputIndex, type OutputName } from './outputs';

const at = (outputs: INodeExecutionData[][], name: OutputName) => outputs[outputIndex(name)];

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

export function previewOutputs(outputs: INodeExecutionData[][]): INodeExecutionData[][] {
	const wouldDo = [
		...at(outputs, 'Create').map((item) => would('wouldCreate', item)),
		...at(outputs, 'Update').map((item) => would('wouldUpdate', item)),
		...at(outputs, 'Delete').map((item) => would('wouldRemove', item)),
	];
	return byOutput({
		Unchanged: [...wouldDo, ...markedAsPreview(at(outputs, 'Unchanged'))],
		Skipped: markedAsPreview(at(outputs, 'Skipped')),
	});
}
