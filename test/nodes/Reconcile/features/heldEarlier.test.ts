/**
 * Held removals under ordinary churn, in workflows/admentum-to-learnifier.json through n8n's
 * engine: the template keeps who was held under which code (Held Table, Save Held, Read Held), so
 * an approval lets the approved people through the next night even when a few more left since
 * (judged on their own against the limits) or one came back; an export cut short is still held.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { InMemoryDataTables } from '../../../engine/dataTables';
import { learnifierTemplateNight } from '../../../engine/workflows/learnifierTemplateNight';
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

async function night(people: Person[], approveHeldRemovals = '') {
	admentum.state.world = { ...admentum.state.world, people };
	const result = await learnifierTemplateNight({
		admentum,
		learnifier,
		dataTables,
		settings: { approveHeldRemovals },
	});
	const [summary] = result.json('Sync Summary');
	const counts = summary.counts as Record<string, number>;
	const code = /enter (\S+) in/.exec(String(summary.heldBecause ?? ''))?.[1];
	return { result, summary, counts, code };
}

const lockedIds = () =>
	new Set(
		learnifier.state.users
			.all()
			.filter((user) => user.hardLock)
			.map((user) => user.externalId),
	);
const ids = (people: Person[]) => people.map((person) => String(person.id));
/** Of these people, those Learnifier holds a user for (the removals a night can make). */
const inLearnifier = (people: Person[]) => {
	const users = new Set(learnifier.state.users.all().map((user) => user.externalId));
	return people.filter((person) => users.has(String(person.id)));
};

describe('Learnifier template: held removals and their approval under churn', () => {
	before(async () => {
		admentum = await startAdmentumSimulator();
		learnifier = await startLearnifierSimulator();
	});
	after(async () => {
		await admentum.close();
		await learnifier.close();
	});
	beforeEach(async () => {
		admentum.reset();
		learnifier.reset();
		dataTables = new InMemoryDataTables();
		everyone = admentum.state.world.people.filter((person) => person.email !== null);
		const first = await night(everyone);
		assert.equal(first.result.error, undefined, first.result.error?.message);
	});

	it('with the code, the approved go and two more leavers since are judged alone; one who came back stays', async () => {
		const cut = Math.floor(everyone.length * 0.2);
		const leaving = everyone.slice(0, cut);
		const held = await night(everyone.slice(cut));
		assert.ok(held.result.error, 'a held night is red');
		assert.equal(held.counts.held, inLearnifier(leaving).length);
		assert.ok(held.code);
		assert.equal(
			dataTables.rows(`Held removals of workflow test-workflow`).length,
			held.counts.held,
		);

		// The next morning the admin approves; meanwhile two more left and one of the held came back.
		const back = leaving[0];
		const twoMore = everyone.slice(cut, cut + 2);
		const tonight = [back, ...everyone.slice(cut + 2)];
		const approved = await night(tonight, held.code);
		assert.equal(approved.result.error, undefined, approved.result.error?.message);
		assert.deepEqual(approved.summary.held, []);
		assert.equal(approved.counts.locked, inLearnifier([...leaving.slice(1), ...twoMore]).length);
		const locked = lockedIds();
		for (const id of ids(inLearnifier([...leaving.slice(1), ...twoMore])))
			assert.ok(locked.has(id), id);
		assert.ok(!locked.has(String(back.id)), 'the one who came back is not locked');
		assert.equal(dataTables.rows(`Held removals of workflow test-workflow`).length, 0);
	});

	it('an export cut short on the approval night: the approved go, the rest is held again', async () => {
		const cut = Math.floor(everyone.length * 0.2);
		const held = await night(everyone.slice(cut));
		const shortExport = everyone.slice(cut * 3);
		const tonight = await night(shortExport, held.code);
		assert.ok(tonight.result.error, 'still red: the rest is held');
		assert.equal(tonight.counts.locked, held.counts.held);
		assert.equal(tonight.counts.held, inLearnifier(everyone.slice(cut, cut * 3)).length);
		const locked = lockedIds();
		assert.ok(ids(inLearnifier(everyone.slice(0, cut))).every((id) => locked.has(id)));
		assert.ok(ids(everyone.slice(cut, cut * 3)).every((id) => !locked.has(id)));
		assert.notEqual(tonight.code, held.code);
	});
});
