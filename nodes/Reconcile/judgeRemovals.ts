/**
 * What the deletion guard says of tonight's removals, by the policy the admin chose: within the
 * limits, stop everything, hold the removals (creates and updates still go), or let a held set
 * through because the admin entered its approval code. Pure.
 */
import { approvalCode, approves, heldBecause } from '../shared/approvalCode';
import { OVER_LIMIT } from '../shared/guardOptions';
import type { ChangePlan } from './planChanges';
import type { ReconcileSettings } from './readSettings';
import { guardViolation, type RunCounts } from './stopOnMassDeletion';

export type RemovalVerdict =
	| { kind: 'within' }
	| { kind: 'stop' }
	| { kind: 'hold'; code: string; heldBecause: string }
	| { kind: 'approved'; code: string };

export function judgeRemovals(
	plan: ChangePlan,
	counts: RunCounts,
	settings: ReconcileSettings,
): RemovalVerdict {
	if (guardViolation(plan, counts, settings) === undefined) return { kind: 'within' };
	if (settings.whenOverLimit === OVER_LIMIT.stop) return { kind: 'stop' };
	const keys = plan.delete.map(({ key }) => key);
	const code = approvalCode(keys);
	if (approves(settings.approveHeldRemovals, keys)) return { kind: 'approved', code };
	const targetCount = counts.target - plan.ignoredTargets - plan.alreadyRemoved;
	return {
		kind: 'hold',
		code,
		heldBecause: heldBecause(keys.length, targetCount, 'removals', code),
	};
}
