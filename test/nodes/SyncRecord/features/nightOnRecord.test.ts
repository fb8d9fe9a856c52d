/**
 * workflows/admentum-to-learnifier.json through n8n's engine keeps every night on record: one
 * Sync history row per night, green or red, and one Removal log row per person held or locked,
 * with the code that let them through. The rows are saved before the night is judged, so it does
 * not matter where "Fail the Night" sits on the canvas.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { HISTORY_TABLE, REMOVAL_LOG_TABLE } from '../../../../nodes/shared/syncHistory';
import { InMemoryDataTables } from '../../../engine/dataTables';
import { learnifierTemplateNight } from '../../../engine/workflows/learnifierTemplateNight';
import { withStopOnTop } from '../../../engine/workflows/canvasLayout';
import {
	startAdmentumSimulator,
	type AdmentumSimulator,
} from '../../../simulators/admentum/admentumSimulator';
import {
	startLearnifierSimulator,
	type LearnifierSimulator,
} from '../../../simulators/learnifier/learnifierSimulator';
import type { Person } from '../../../simulators/seed/people';

let admentum: AdmentumSimulator;
let learnifier: LearnifierSimulator;
let dataTables: InMemoryDataTables;
let everyone: Person[];

/** A table's rows; none before the first night made it. */
const rows = (name: string) =>
	dataTables.table(name) ? (dataTables.rows(name) as IDataObject[]) : [];

async function night(people: Person[], approveHeldRemovals = '') {
	admentum.state.world = { ...admentum.state.world, people };
	const before = rows(HISTORY_TABLE).length;
	const removalsBefore = rows(REMOVAL_LOG_TABLE).length;
	const result = await learnifierTemplateNight({
		admentum,
		learnifier,
		dataTables,
		settings: { approveHeldRemovals, customer: 'Ängsskolan' },
		change: withStopOnTop,
	});
	const [summary] = result.json('Sync Summary');
	return {
		result,
		summary,
		history: rows(HISTORY_TABLE).slice(before),
		removals: rows(REMOVAL_LOG_TABLE).slice(removalsBefore),
	};
}

describe('Learnifier template: every night on record', () => {
	before(async () => {
		admentum = await startAdmentumSimulator();
		learnifier = await startLearnifierSimulator();
	});
	after(async () => {
		await admentum.close();
		await learnifier.close();
	});
	beforeEach(() => {
		admentum.reset();
		learnifier.reset();
		dataTables = new InMemoryDataTables();
		everyone = admentum.state.world.people;
	});

	it('a green night: one row with the customer, the target, the counts and the skipped by reason', async () => {
		admentum.state.world = { ...admentum.state.world, people: everyone };
		const result = await learnifierTemplateNight({
			admentum,
			learnifier,
			dataTables,
			settings: { customer: 'Ängsskolan' },
		});
		assert.equal(result.error, undefined, result.error?.message);
		const [summary] = result.json('Sync Summary');
		const [row, ...more] = rows(HISTORY_TABLE);
		assert.deepEqual(more, []);
		assert.equal(row.customer, 'Ängsskolan');
		assert.equal(row.target, 'Learnifier');
		assert.equal(row.outcome, 'ok');
		assert.equal(row.mode, 'apply');
		assert.equal(row.trigger, 'scheduled');
		assert.equal(row.summary, summary.summary);
		const counts = summary.counts as Record<string, number>;
		for (const name of ['created', 'updated', 'locked', 'unchanged', 'skipped', 'failed'])
			assert.equal(row[name], counts[name], name);
		const skipped = JSON.parse(String(row.skippedReasons)) as Record<string, number>;
		assert.equal(
			Object.values(skipped).reduce((sum, count) => sum + count, 0),
			counts.skipped,
		);
		assert.ok(row.startedAt instanceof Date && row.endedAt instanceof Date);
		assert.ok((row.startedAt as Date) <= (row.endedAt as Date));
		const locked = rows(REMOVAL_LOG_TABLE);
		assert.equal(locked.length, counts.locked);
		for (const removal of locked) {
			assert.equal(removal.action, 'locked');
			assert.equal(removal.reason, 'not in the source any more');
			assert.equal(removal.customer, 'Ängsskolan');
			const user = learnifier.state.users.all().find((one) => one.externalId === removal.key);
			assert.equal(user?.hardLock, true, `${String(removal.key)} is logged locked`);
			assert.equal(removal.name, `${user?.firstName} ${user?.lastName}`);
		}
	});

	it('held, then approved: the red night is on record with its code, then each removal with the code that let it through', async () => {
		const first = await night(everyone);
		assert.equal(first.result.error, undefined, first.result.error?.message);
		const cut = Math.floor(everyone.length * 0.2);
		const held = await night(everyone.slice(cut));
		assert.ok(held.result.error, 'a held night is red');
		assert.equal(
			held.history.length,
			1,
			'the red night has its row, though Fail the Night is on top',
		);
		const [heldRow] = held.history;
		assert.equal(heldRow.outcome, 'held');
		assert.equal(heldRow.held, (held.summary.counts as Record<string, number>).held);
		assert.match(String(held.summary.heldBecause), new RegExp(String(heldRow.heldCode)));
		assert.equal(held.removals.length, heldRow.held);
		assert.ok(held.removals.every((removal) => removal.action === 'held' && removal.name));
		assert.equal(held.removals[0].reason, held.summary.heldBecause);

		const approved = await night(everyone.slice(cut), String(heldRow.heldCode));
		assert.equal(approved.result.error, undefined, approved.result.error?.message);
		assert.equal(approved.history[0].outcome, 'ok');
		const heldKeys = held.removals.map((removal) => removal.key).sort();
		assert.deepEqual(approved.removals.map((removal) => removal.key).sort(), heldKeys);
		for (const removal of approved.removals) {
			assert.equal(removal.action, 'locked');
			assert.equal(removal.approvalCode, heldRow.heldCode);
		}
	});

	it('a preview is on record as a preview and removes nobody from the log', async () => {
		await night(everyone);
		admentum.state.world = { ...admentum.state.world, people: everyone.slice(5) };
		const before = rows(HISTORY_TABLE).length;
		const logged = rows(REMOVAL_LOG_TABLE).length;
		const preview = await learnifierTemplateNight({
			admentum,
			learnifier,
			dataTables,
			settings: { mode: 'preview', customer: 'Ängsskolan' },
		});
		assert.equal(preview.error, undefined);
		const [row] = rows(HISTORY_TABLE).slice(before);
		assert.equal(row.mode, 'preview');
		assert.equal(row.outcome, 'ok');
		assert.match(String(row.summary), /^Preview: /);
		assert.equal(rows(REMOVAL_LOG_TABLE).length, logged);
	});

	it("many customers' first nights at once: the shared tables are made once, every night has its row", async () => {
		// As 20 published customers on a fresh n8n: each run's History Table finds no table and
		// creates one; all but the first are refused the name, and try again (the template's retry).
		const nights = await Promise.all(
			[1, 2, 3, 4].map((customer) =>
				learnifierTemplateNight({
					admentum,
					learnifier,
					dataTables,
					settings: { mode: 'preview', customer: `Skola ${customer}` },
				}),
			),
		);
		for (const result of nights) assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(
			rows(HISTORY_TABLE)
				.map((row) => row.customer)
				.sort(),
			['Skola 1', 'Skola 2', 'Skola 3', 'Skola 4'],
		);
	});
});
