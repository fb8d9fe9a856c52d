/**
 * The outputs after the guard: held removals leave Delete and go to Skipped as "held" items,
 * named, so Sync Summary lists them and fails the night; an approved set goes on Delete, with one
 * "approved" note on Skipped.
 */
import type { INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { doneOutcome, withOutcome } from '../shared/syncOutcome';
import type { RemovalVerdict } from './judgeRemovals';
import { recordName } from './recordName';
import { OUTPUT_NAMES } from './toOutputItems';

const DELETE = OUTPUT_NAMES.indexOf('Delete');
const SKIPPED = OUTPUT_NAMES.indexOf('Skipped');

const pairingsOf = ({ pairedItem }: INodeExecutionData): IPairedItemData[] =>
	[pairedItem ?? []].flat().map((pair) => (typeof pair === 'number' ? { item: pair } : pair));

export function guardItems(
	outputs: INodeExecutionData[][],
	verdict: RemovalVerdict,
): INodeExecutionData[][] {
	if (verdict.kind === 'hold') {
		const held = outputs[DELETE].map(({ json, pairedItem }) => ({
			json: withOutcome(json, {
				action: 'held',
				record: recordName(json),
				reason: verdict.heldBecause,
			}),
			pairedItem,
		}));
		outputs[DELETE] = [];
		outputs[SKIPPED] = [...outputs[SKIPPED], ...held];
	}
	if (verdict.kind === 'approved') {
		const count = outputs[DELETE].length;
		const note = doneOutcome(
			'approved',
			`${count} held removals approved with code ${verdict.code}: they go through tonight.`,
		);
		outputs[SKIPPED] = [
			...outputs[SKIPPED],
			{ json: withOutcome({}, note), pairedItem: outputs[DELETE].flatMap(pairingsOf) },
		];
	}
	return outputs;
}
