/**
 * The outputs after the guard: held removals leave Delete and go to Skipped as "held" items,
 * named, so Sync Summary lists them and fails the night; an approved set goes on Delete, with one
 * "approved" note on Skipped.
 */
import type { INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { doneOutcome, withOutcome } from '../shared/syncOutcome';
import type { RemovalVerdict } from './judgeRemovals';
import { recordName } from './recordName';
import { outputIndex } from './outputs';

const DELETE = outputIndex('Delete');
const SKIPPED = outputIndex('Skipped');

const pairingsOf = ({ pairedItem }: INodeExecutionData): IPairedItemData[] =>
	[pairedItem ?? []].flat().map((pair) => (typeof pair === 'number' ? { item: pair } : pair));

export function guardItems(
	outputs: INodeExecutionData[][],
	verdict: Extract<RemovalVerdict, { kind: 'go' }>,
): INodeExecutionData[][] {
	const held = new Set(verdict.held);
	const isHeld = ({ json }: INodeExecutionData) => held.has(String(json.key));
	const heldItems = outputs[DELETE].filter(isHeld).map(({ json, pairedItem }) => ({
		json: withOutcome(
			{ ...json, approvalCode: verdict.code },
			{
				action: 'held',
				record: recordName(json),
				reason: verdict.heldBecause,
			},
		),
		pairedItem,
	}));
	const notes: INodeExecutionData[] = [];
	outputs[DELETE] = outputs[DELETE].filter((item) => !isHeld(item));
	if (verdict.approvedCode !== undefined) {
		const approved = verdict.approvedCount ?? 0;
		const since = outputs[DELETE].length - approved;
		const more = since > 0 ? `, and ${since} more within the limits` : '';
		const note = doneOutcome(
			'approved',
			`${approved} held removals approved with code ${verdict.approvedCode}${more}: they go through tonight.`,
		);
		const json = withOutcome(
			{ approvalCode: verdict.approvedCode, approvedKeys: verdict.approvedKeys ?? [] },
			note,
		);
		notes.push({ json, pairedItem: outputs[DELETE].flatMap(pairingsOf) });
	}
	outputs[SKIPPED] = [...outputs[SKIPPED], ...heldItems, ...notes];
	return outputs;
}
