import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';

import type { ChangePlan } from '../../../nodes/Reconcile/planChanges';
import type { ReconcileSettings } from '../../../nodes/Reconcile/readSettings';
import { guardViolation, type RunCounts } from '../../../nodes/Reconcile/judgeRemovals';
import { stopOnMassDeletion } from '../../../nodes/Reconcile/stopOnMassDeletion';

const node = { name: 'Reconcile', type: 'reconcile', typeVersion: 1, position: [0, 0] } as INode;
const context = (continueOnFail = false) =>
	({ getNode: () => node, continueOnFail: () => continueOnFail }) as unknown as IExecuteFunctions;

const settings = (more: Partial<ReconcileSettings> = {}) =>
	({
		allowMassDeletion: false,
		reportGuardStop: false,
		deletionLimits: { maxDeletions: 2, maxDeletionPercent: 50 },
		...more,
	}) as ReconcileSettings;

const planDeleting = (count: number, more: Partial<ChangePlan> = {}): ChangePlan => ({
	create: [],
	update: [],
	delete: Array.from({ length: count }, (_, target) => ({ target, key: `k${target}` })),
	unchanged: [],
	skipped: [],
	ignoredTargets: 0,
	alreadyRemoved: 0,
	...more,
});

/** The node's path: the guard judged once (judgeRemovals), and a violation stops the run. */
function stop(ctx: IExecuteFunctions, plan: ChangePlan, counts: RunCounts, set: ReconcileSettings) {
	const violation = guardViolation(plan, counts, set);
	return violation === undefined
		? undefined
		: stopOnMassDeletion(ctx, plan, violation, set.reportGuardStop);
}

describe('Reconcile: stopOnMassDeletion', () => {
	it('within the limits nothing stops', () => {
		const result = stop(context(), planDeleting(2), { source: 8, target: 10 }, settings());
		assert.equal(result, undefined);
	});

	it('over the limits the run stops with the guard reason naming the options to change', () => {
		assert.throws(
			() => stop(context(), planDeleting(3), { source: 7, target: 10 }, settings()),
			(error: unknown) => {
				assert.ok(error instanceof NodeOperationError);
				assert.match(error.message, /would remove 3 of 10 records/);
				assert.match(error.message, /raise "Max Deletions" or "Max Deletion Percentage"/);
				assert.match(error.message, /turn on "Allow Mass Deletion"/);
				assert.equal(
					error.description,
					'Planned: 3 to delete, 0 to create, 0 to update. Nothing was passed on to the next nodes.',
				);
				return true;
			},
		);
	});

	it('"Allow Mass Deletion" lets any deletion through, an empty source too', () => {
		const allowed = settings({ allowMassDeletion: true });
		assert.equal(stop(context(), planDeleting(10), { source: 0, target: 10 }, allowed), undefined);
	});

	it('an empty source only suggests allowing mass deletion', () => {
		assert.throws(
			() => stop(context(), planDeleting(1), { source: 0, target: 10 }, settings()),
			/source list is empty .* If the source really is empty now, turn on "Allow Mass Deletion"/s,
		);
	});

	it('targets without key and ones already removed are not counted in the target', () => {
		const plan = planDeleting(2, { ignoredTargets: 4, alreadyRemoved: 3 });
		assert.throws(
			() => stop(context(), plan, { source: 1, target: 10 }, settings()),
			/would remove 2 of 3 records \(66\.7 %\)/,
		);
	});

	it('reported as a stop, or under Continue On Fail: only a "stopped" item on Skipped, pairing the held-back targets', () => {
		for (const [ctx, set] of [
			[context(), settings({ reportGuardStop: true })],
			[context(true), settings()],
		] as const) {
			const outputs = stop(ctx, planDeleting(3), { source: 7, target: 10 }, set)!;
			assert.deepEqual(
				outputs.map((items) => items.length),
				[0, 0, 0, 0, 1],
			);
			const [stopped] = outputs[4];
			assert.deepEqual(stopped.pairedItem, [
				{ item: 0, input: 1 },
				{ item: 1, input: 1 },
				{ item: 2, input: 1 },
			]);
			const outcome = stopped.json._sync as { action: string; reason: string };
			assert.equal(outcome.action, 'stopped');
			assert.match(outcome.reason, /would remove 3 of 10 records.*Planned: 3 to delete/s);
		}
	});
});
