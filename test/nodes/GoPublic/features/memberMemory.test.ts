/**
 * "Lock Members That Left" with its memory in a Data Table, through n8n's engine against the
 * GoPublic simulator. n8n's Data table nodes need n8n's server, so here the rows they would read
 * are handed to the node directly, and the "Memory to Save" output is what they would save.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../../engine/runWorkflow';
import {
	startGoPublicSimulator,
	type GoPublicSimulator,
} from '../../../simulators/gopublic/gopublicSimulator';
import {
	IMPORT,
	NODE,
	credentialsFor,
	itemsToGoPublic,
	memberUuids,
	staffRows,
} from '../../../engine/workflows/goPublicWorkflow';

let sim: GoPublicSimulator;

/** One night; `rows` are what the Data table node read. Returns the results and the rows to save. */
async function night(
	rows: IDataObject[],
	uuids: string[],
	options: { mode?: 'trigger' | 'manual'; staticData?: IDataObject } = {},
) {
	const result = await runWorkflow(
		itemsToGoPublic(staffRows(uuids), {
			...IMPORT,
			options: {
				lockMembersThatLeft: true,
				memoryStore: 'dataTable',
				rememberedMembers: JSON.stringify(rows),
			},
		}),
		{
			credentials: credentialsFor(sim.origin),
			mode: options.mode ?? 'trigger',
			staticData: options.staticData ?? {},
		},
	);
	assert.equal(result.error, undefined, result.error?.message);
	const toSave = result
		.json(NODE, 1)
		.map(({ uuids, imported, locked }) => ({ uuids, imported, locked }));
	return {
		result,
		toSave,
		locked: result
			.json(NODE)
			.filter((item) => item.leftSource)
			.map((item) => item.uuids),
	};
}

describe('GoPublic → Lock Members That Left, remembered in a Data Table', () => {
	before(async () => {
		sim = await startGoPublicSimulator();
	});
	after(() => sim.close());
	beforeEach(() => sim.reset());

	it('an empty table locks nobody and puts out every member to save; the rows the next night reads lock the leavers once', async () => {
		const first = await night([], memberUuids(1, 40));
		assert.deepEqual(first.locked, []);
		assert.equal(first.toSave.length, 40);
		assert.deepEqual(first.toSave[0], { uuids: 'm1', imported: true, locked: false });
		assert.ok(first.result.json(NODE, 1).every((row) => typeof row.runStartedAtMs === 'number'));

		const second = await night(first.toSave, memberUuids(1, 38));
		assert.deepEqual(second.locked, [['m39'], ['m40']]);
		assert.deepEqual(
			second.toSave.filter((row) => row.locked),
			[
				{ uuids: 'm39', imported: false, locked: true },
				{ uuids: 'm40', imported: false, locked: true },
			],
		);
		assert.equal(sim.state.members.get('m40')?.locked, true);

		const third = await night(second.toSave, memberUuids(1, 38));
		assert.deepEqual(third.locked, [], 'a leaver is locked once');
		const back = await night(third.toSave, memberUuids(1, 40));
		assert.equal(sim.state.members.get('m40')?.locked, false, 'a returner is unlocked');
		assert.equal(back.toSave.filter((row) => row.locked).length, 0);
	});

	it('a manual run reports who would be locked and puts out nothing to save', async () => {
		const first = await night([], memberUuids(1, 20));
		const manual = await night(first.toSave, memberUuids(1, 19), { mode: 'manual' });
		assert.deepEqual(manual.toSave, []);
		assert.deepEqual(
			manual.result
				.json(NODE)
				.filter((item) => item.leftSource)
				.map((item) => item.status),
			['wouldLock'],
		);
		assert.equal(sim.state.members.get('m20')?.locked, false);
	});

	it('an empty table takes over what static data remembered, so switching loses nothing', async () => {
		const staticData: IDataObject = {};
		await runWorkflow(
			itemsToGoPublic(staffRows(memberUuids(1, 20)), {
				...IMPORT,
				options: { lockMembersThatLeft: true },
			}),
			{
				credentials: credentialsFor(sim.origin),
				mode: 'trigger',
				staticData,
			},
		);
		const switched = await night([], memberUuids(1, 19), { staticData });
		assert.deepEqual(switched.locked, [['m20']]);
	});

	it('rows that are not a list of objects are an error naming the option', async () => {
		const result = await runWorkflow(
			itemsToGoPublic(staffRows(['a']), {
				...IMPORT,
				options: {
					lockMembersThatLeft: true,
					memoryStore: 'dataTable',
					rememberedMembers: '"nope"',
				},
			}),
			{ credentials: credentialsFor(sim.origin), mode: 'trigger' },
		);
		assert.match(
			result.error?.message ?? '',
			/"Remembered Members" must be the rows a Data table node read/,
		);
	});
});
