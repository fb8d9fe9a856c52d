import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { generatePeople } from '../../../simulators/seed/people';
import {
	learnifierRealmFrom,
	startLearnifierSimulator,
	type LearnifierSimulator,
} from '../../../simulators/learnifier/learnifierSimulator';
import { LEARNIFIER, runLearnifier, writes } from '../../../engine/workflows/learnifierWorkflow';

const realm = learnifierRealmFrom(generatePeople({ seed: 6, count: 20 }).people, { admins: 1 });
const [alice, bob] = realm.filter((u) => u.externalId && u.primaryEmail);

/** A Reconcile Update item, in the shape the Reconcile node outputs. */
const reconcileUpdate = (target: typeof alice, update: Record<string, unknown>) => ({
	key: target.externalId,
	targetId: target.id,
	update,
	changes: Object.fromEntries(
		Object.entries(update).map(([f, to]) => [f, { from: (target as never)[f], to }]),
	),
	source: {},
	target,
});

describe('Learnifier → User → Update, Lock, Unlock, Delete', () => {
	let sim: LearnifierSimulator;
	before(async () => (sim = await startLearnifierSimulator({ users: realm })));
	after(async () => sim.close());
	beforeEach(() => sim.reset());

	it('Update with Fields Below sends only the given fields; an expression that resolves empty clears nothing', async () => {
		const result = await runLearnifier(
			sim,
			{
				operation: 'update',
				send: 'fields',
				updateFields: { lastName: '={{ $json.last }}', displayName: '={{ $json.nothing }}' },
			},
			{ items: [{ id: alice.id, last: 'Lindqvist' }] },
		);
		assert.equal(result.error, undefined);
		assert.deepEqual(sim.state.users.get(alice.id), { ...alice, lastName: 'Lindqvist' });
		const [out] = result.json(LEARNIFIER);
		assert.deepEqual(out._sync, { action: 'updated', fields: ['lastName'] });
		assert.equal(out.lastName, 'Lindqvist', 'the output is the user as Learnifier now holds it');
	});

	it('Clear Fields is the explicit way to empty a field', async () => {
		await runLearnifier(
			sim,
			{ operation: 'update', updateFields: {}, clearFields: ['homeOrg', 'displayName'] },
			{ items: [{ id: alice.id }] },
		);
		const stored = sim.state.users.get(alice.id)!;
		assert.equal(stored.displayName, null);
		assert.equal(stored.firstName, alice.firstName);
	});

	it('Changes From Reconcile: reads targetId and update, sends only those keys', async () => {
		const result = await runLearnifier(
			sim,
			{ operation: 'update', send: 'reconcile' },
			{
				items: [reconcileUpdate(alice, { primaryEmail: 'ny.adress@example.se', lastName: 'Berg' })],
			},
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(sim.state.users.get(alice.id), {
			...alice,
			primaryEmail: 'ny.adress@example.se',
			lastName: 'Berg',
		});
		assert.deepEqual(writes(sim), [{ method: 'PATCH', path: `/users/${alice.id}`, status: 201 }]);
	});

	it('Changes From Reconcile leaves emptied fields alone unless Clear Fields Emptied in the Source is on', async () => {
		await runLearnifier(
			sim,
			{ operation: 'update', send: 'reconcile' },
			{ items: [reconcileUpdate(alice, { primaryEmail: null })] },
		);
		assert.equal(sim.state.users.get(alice.id)!.primaryEmail, alice.primaryEmail);
		await runLearnifier(
			sim,
			{ operation: 'update', send: 'reconcile', clearEmptied: true },
			{
				items: [reconcileUpdate(alice, { primaryEmail: null })],
			},
		);
		assert.equal(sim.state.users.get(alice.id)!.primaryEmail, null);
	});

	it('a 409 on update names the e-mail and its holder and suggests Auto Clear Email', async () => {
		const result = await runLearnifier(
			sim,
			{ operation: 'update', send: 'reconcile' },
			{
				items: [reconcileUpdate(alice, { primaryEmail: bob.primaryEmail })],
			},
		);
		assert.match(
			String(result.error?.message),
			new RegExp(
				`the email ${bob.primaryEmail!.replace(/\./g, '\\.')} is already used by user external ID "${bob.externalId}"`,
			),
		);
		assert.match(
			String((result.error as { description?: string }).description),
			/Auto Clear Email/,
		);
		assert.equal(sim.state.users.get(alice.id)!.primaryEmail, alice.primaryEmail);
	});

	it('with Auto Clear Email the address moves: the other user loses it', async () => {
		const result = await runLearnifier(
			sim,
			{ operation: 'update', send: 'reconcile', options: { autoClearEmail: true } },
			{
				items: [reconcileUpdate(alice, { primaryEmail: bob.primaryEmail })],
			},
		);
		assert.equal(result.error, undefined);
		assert.equal(sim.state.users.get(alice.id)!.primaryEmail, bob.primaryEmail);
		assert.equal(sim.state.users.get(bob.id)!.primaryEmail, null);
		assert.deepEqual(writes(sim), [
			{ method: 'PATCH', path: `/users/${alice.id}?autoClearEmail=true`, status: 201 },
		]);
	});

	it('a Reconcile item naming a field Learnifier does not have is an error naming record and field', async () => {
		const result = await runLearnifier(
			sim,
			{ operation: 'update', send: 'reconcile' },
			{
				items: [reconcileUpdate(alice, { email: 'x@example.se' })],
				continueOnFail: true,
			},
		);
		const [out] = result.json(LEARNIFIER);
		const outcome = out._sync as { action: string; reason: string; item: number; record: string };
		assert.equal(outcome.action, 'failed');
		assert.equal(outcome.item, 1);
		assert.match(
			outcome.record,
			new RegExp(`external ID "${alice.externalId}"`),
			"Reconcile's key names the record",
		);
		assert.match(
			outcome.reason,
			new RegExp(
				`Updating user external ID "${alice.externalId}".* failed: Learnifier users have no field "email"`,
			),
		);
		assert.equal(writes(sim).length, 0);
	});

	it('Lock works on Reconcile Delete items (targetId); Unlock on Learnifier items (id)', async () => {
		const locked = await runLearnifier(
			sim,
			{ operation: 'lock' },
			{ items: [{ ...bob, key: bob.externalId, targetId: bob.id }] },
		);
		assert.equal(sim.state.users.get(bob.id)!.hardLock, true);
		// The outcome names the person Reconcile's item was about, for the removal log.
		assert.deepEqual(locked.json(LEARNIFIER)[0]._sync, {
			action: 'locked',
			key: bob.externalId,
			name: `${bob.firstName} ${bob.lastName}`,
		});
		const unlocked = await runLearnifier(sim, { operation: 'unlock' }, { items: [{ id: bob.id }] });
		assert.equal(sim.state.users.get(bob.id)!.hardLock, false);
		assert.equal(unlocked.json(LEARNIFIER)[0].hardLock, false);
	});

	it('Delete removes the user and outputs { id, deleted: true }', async () => {
		const result = await runLearnifier(
			sim,
			{ operation: 'delete' },
			{ items: [{ targetId: bob.id }] },
		);
		assert.deepEqual(result.json(LEARNIFIER), [
			{ id: bob.id, deleted: true, _sync: { action: 'deleted' } },
		]);
		assert.equal(sim.state.users.get(bob.id), undefined);
	});

	it('Delete of an unknown user fails in plain words', async () => {
		const result = await runLearnifier(sim, { operation: 'delete', userId: 'no-such-user' });
		assert.equal(
			result.error?.message,
			'Deleting user Learnifier ID no-such-user failed: Learnifier has no such user',
		);
	});
});
