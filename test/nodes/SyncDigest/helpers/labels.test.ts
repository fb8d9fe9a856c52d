import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	byName,
	nightLabel,
	plural,
	warningLabel,
	whoOf,
} from '../../../../nodes/SyncDigest/helpers/labels';
import { readNights } from '../../../../nodes/SyncDigest/helpers/readNights';
import { historyRow } from '../historyRows';

const nightOf = (fields: Parameters<typeof historyRow>[0]) =>
	readNights([{ ...historyRow(fields) }], 'UTC').nights[0];
const startedAt = new Date('2026-12-07T01:00:00Z');

describe('how the digest names a night', () => {
	it('by customer and target', () => {
		const night = nightOf({ workflowId: 'w', outcome: 'ok', startedAt, customer: 'Ängsskolan' });
		assert.equal(whoOf(night), 'Ängsskolan');
		assert.equal(nightLabel(night), 'Ängsskolan — Learnifier');
		assert.equal(warningLabel(night), 'Ängsskolan (Learnifier)');
	});

	it("by the workflow's name where the customer is empty, and by its ID where that is too", () => {
		const named = nightOf({
			workflowId: 'w',
			outcome: 'ok',
			startedAt,
			workflowName: 'Nightly HR',
			target: '',
		});
		assert.equal(nightLabel(named), 'Nightly HR');
		assert.equal(warningLabel(named), 'Nightly HR');
		const bare = nightOf({
			workflowId: 'w9',
			outcome: 'ok',
			startedAt,
			workflowName: '',
			target: 'GoPublic',
		});
		assert.equal(nightLabel(bare), 'Workflow w9 — GoPublic');
	});

	it('sorts names as a Swedish reader does: Å, Ä and Ö after Z', () => {
		const sorted = [
			'Ängsskolan',
			'Zetaskolan',
			'Almskolan',
			'Åsskolan',
			'ekskolan',
			'Öskolan',
		].sort(byName);
		assert.deepEqual(sorted, [
			'Almskolan',
			'ekskolan',
			'Zetaskolan',
			'Åsskolan',
			'Ängsskolan',
			'Öskolan',
		]);
	});

	it('counts with the noun, one or more', () => {
		assert.deepEqual(
			[plural(1, 'warning'), plural(0, 'night'), plural(3, 'item')],
			['1 warning', '0 nights', '3 items'],
		);
	});
});
