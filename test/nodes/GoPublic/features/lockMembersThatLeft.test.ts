/** "Lock Members That Left" and Member → Remove, through n8n's engine against the GoPublic simulator. */
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

const lockingImport = (options: IDataObject = {}) => ({
	...IMPORT,
	options: { lockMembersThatLeft: true, ...options },
});

function nightly(
	staticData: IDataObject,
	uuids: string[],
	options: IDataObject = {},
	mode: 'trigger' | 'manual' = 'trigger',
) {
	return runWorkflow(itemsToGoPublic(staffRows(uuids), lockingImport(options)), {
		credentials: credentialsFor(sim.origin),
		mode,
		staticData,
	});
}

const leftItems = (result: Awaited<ReturnType<typeof runWorkflow>>) =>
	result.json(NODE).filter((item) => item.leftSource);

describe('GoPublic → Lock Members That Left', () => {
	before(async () => {
		sim = await startGoPublicSimulator();
	});
	after(() => sim.close());
	beforeEach(() => sim.reset());

	it('the first run locks nobody; members that left are locked once; a third run does not lock them again', async () => {
		const staticData: IDataObject = {};
		const first = await nightly(staticData, memberUuids(1, 40));
		assert.equal(first.error, undefined);
		assert.equal(leftItems(first).length, 0);

		const second = await nightly(staticData, memberUuids(1, 38));
		assert.equal(second.error, undefined);
		assert.deepEqual(
			leftItems(second).map((item) => [item.uuids, item.status]),
			[
				[['m39'], 'locked'],
				[['m40'], 'locked'],
			],
		);
		assert.equal(sim.state.members.get('m39')?.locked, true);
		assert.equal(sim.state.members.get('m1')?.locked, false);

		const requestsBefore = sim.requests.length;
		const third = await nightly(staticData, memberUuids(1, 38));
		assert.equal(leftItems(third).length, 0);
		assert.equal(sim.requests.length - requestsBefore, 1, 'only the import, no lock request');
	});

	it('a locked member who comes back is imported unlocked; one the input cannot complete is unlocked alone', async () => {
		const staticData: IDataObject = {};
		await nightly(staticData, memberUuids(1, 40));
		await nightly(staticData, memberUuids(1, 38));
		assert.equal(sim.state.members.get('m40')?.locked, true);

		// m39 comes back without an e-mail (skipped, not sent); m40 comes back complete.
		const back = staffRows(memberUuids(1, 40));
		back[38].EmailAddress = '';
		const returning = await runWorkflow(itemsToGoPublic(back, lockingImport()), {
			credentials: credentialsFor(sim.origin),
			mode: 'trigger',
			staticData,
		});
		assert.equal(returning.error, undefined);
		const m39 = returning.json(NODE).find((item) => (item.uuids as string[])[0] === 'm39');
		assert.equal(m39?.status, 'skipped');
		assert.equal(sim.state.members.get('m40')?.locked, false, 'm40 unlocked');
		assert.equal(sim.state.members.get('m39')?.locked, false, 'm39 unlocked alone, though skipped');
		const unlocked = returning.json(NODE).find((item) => item.status === 'unlocked');
		assert.deepEqual(unlocked?.uuids, ['m39']);

		// The next night m39 is complete: nothing is left to change for either.
		const next = await nightly(staticData, memberUuids(1, 40));
		assert.equal(next.error, undefined);
		const status = (uuid: string) =>
			next.json(NODE).find((item) => (item.uuids as string[])[0] === uuid)?.status;
		assert.deepEqual([status('m39'), status('m40')], ['unchanged', 'unchanged']);
	});

	it('static data that lost its memory (as queue mode does every night) fails the night, naming the option and the fix', async () => {
		await nightly({}, memberUuids(1, 10));
		// The next run starts with no static data, as a queue-mode worker does: GoPublic knows them all.
		const lost = await runWorkflow(
			itemsToGoPublic(staffRows(memberUuids(1, 10)), lockingImport(), {
				onError: 'continueRegularOutput',
			}),
			{ credentials: credentialsFor(sim.origin), mode: 'trigger', staticData: {} },
		);
		const failed = lost.json(NODE).find((item) => (item._sync as IDataObject).action === 'failed');
		const outcome = failed?._sync as IDataObject;
		assert.equal(outcome.refusedAsWhole, true, 'it fails the night as a whole');
		assert.match(String(outcome.reason), /found no memory in workflow static data/);
		assert.match(String(outcome.reason), /"Remember Members In" to "A Data Table"/);
	});

	it('a member still present under another of its uuids has not left', async () => {
		const staticData: IDataObject = {};
		await nightly(staticData, ['a|b', 'c']);
		const second = await nightly(staticData, ['b', 'c']);
		assert.equal(leftItems(second).length, 0);
	});

	it('the guard stops a mass lock before anything is sent', async () => {
		const staticData: IDataObject = {};
		await nightly(staticData, memberUuids(1, 100));
		const requestsBefore = sim.requests.length;
		const cut = await nightly(staticData, memberUuids(1, 80));
		assert.match(
			cut.error?.message ?? '',
			/Stopped before any change: this run would remove 20 of 100 members/,
		);
		assert.match(cut.error?.message ?? '', /Allow Mass Locking/);
		assert.equal(sim.requests.length, requestsBefore, 'nothing sent');
		assert.equal(sim.state.members.get('m90')?.locked, false);

		const allowed = await nightly(staticData, memberUuids(1, 80), { maxLockPercent: 25 });
		assert.equal(allowed.error, undefined);
		assert.equal(leftItems(allowed).length, 20);
	});

	it('under Continue On Fail the guard sends nothing and puts out one "stopped" outcome with the numbers', async () => {
		const staticData: IDataObject = {};
		await nightly(staticData, memberUuids(1, 15));
		const requestsBefore = sim.requests.length;
		const cut = await runWorkflow(
			itemsToGoPublic(staffRows(memberUuids(1, 12)), lockingImport({ maxLockPercent: 10 }), {
				onError: 'continueRegularOutput',
			}),
			{ credentials: credentialsFor(sim.origin), mode: 'trigger', staticData },
		);
		assert.equal(cut.error, undefined);
		assert.equal(sim.requests.length, requestsBefore, 'nothing sent');
		const out = cut.json(NODE);
		assert.equal(out.length, 1);
		const outcome = out[0]._sync as { action: string; reason: string };
		assert.equal(outcome.action, 'stopped');
		assert.match(outcome.reason, /would remove 3 of 15 members \(20\.0 %\)/);
	});

	it('a manual run reports who would be locked, locks nobody and keeps the memory as it was', async () => {
		const staticData: IDataObject = {};
		await nightly(staticData, memberUuids(1, 20));
		const remembered = JSON.stringify(staticData);
		const manual = await nightly(staticData, memberUuids(1, 19), {}, 'manual');
		assert.deepEqual(
			leftItems(manual).map((item) => item.status),
			['wouldLock'],
		);
		assert.equal(sim.state.members.get('m20')?.locked, false);
		assert.equal(JSON.stringify(staticData), remembered);
	});
});

describe('GoPublic → Member → Remove', () => {
	before(async () => {
		sim = await startGoPublicSimulator({
			members: staffRows(['r1', 'r2']).map((p) => ({
				uuids: [p.UUID],
				name: p.Name,
				fullName: p.FullName,
				email: p.EmailAddress,
				roles: ['Medarbejder'],
			})),
		});
	});
	after(() => sim.close());
	beforeEach(() => sim.reset());

	it('sends lockForDeletion for the given uuids; an unknown uuid fails with the reason', async () => {
		const result = await runWorkflow(
			itemsToGoPublic(
				[{ UUID: 'r1' }, { UUID: 'ghost' }],
				{ resource: 'member', operation: 'remove' },
				{ onError: 'continueRegularOutput' },
			),
			{ credentials: credentialsFor(sim.origin) },
		);
		assert.equal(result.error, undefined);
		const [r1, ghost] = result.json(NODE);
		assert.equal(r1.status, 'locked');
		assert.equal(ghost.status, 'failed');
		assert.deepEqual(ghost._sync, {
			action: 'failed',
			record: 'uuid ghost',
			item: 2,
			reason: 'member not found: ghost',
		});
		assert.equal(sim.state.members.get('r1')?.locked, true);
		assert.equal(sim.state.members.get('r2')?.locked, false);
	});
});
