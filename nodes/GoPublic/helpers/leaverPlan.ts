/**
 * "Lock Members That Left", the planning (pure): who left since the last successful import, the
 * guard against locking half the organisation because the input was cut short, and the memory
 * the next night starts from. The locking itself is lockLeavers.ts.
 */
import { approvalCode, approves, heldBecause } from '../../shared/approvalCode';
import { findDeletionGuardViolation } from '../../shared/deletionGuard';
import { OVER_LIMIT } from '../../shared/guardOptions';
import { OPTION_NAMES, type ImportOptions } from './importOptions';
import { findLeavers, findReturners, type LeaverMemory } from './leaverMemory';

export interface LeaverPlan {
	/** False for manual (editor) runs: they only report who would be locked, and remember nothing. */
	active: boolean;
	leavers: string[][];
	/** The members of this run's input, remembered once the run succeeds. */
	current: string[][];
	/** Members an earlier run locked that are in this run's input: they are imported unlocked. */
	returners: string[][];
	/** Members an earlier run locked that are still away. */
	stillLocked: string[][];
	/** Leavers the guard held back (not locked tonight, still remembered), and why. */
	held: string[][];
	heldBecause?: string;
	/** The approval code that let tonight's leavers through, when one did. */
	approvedCode?: string;
}

/** Why the guard stops the night (before anything is sent), with its numbers. */
export interface LeaverGuardStop {
	violation: string;
	description: string;
}

const HOW_TO_ALLOW =
	`If these members really left, raise "${OPTION_NAMES.maxLocks}" or "${OPTION_NAMES.maxLockPercent}", ` +
	`or turn on "${OPTION_NAMES.allowMassLocking}" under Options of this GoPublic node.`;

/** Plans the locks from the memory, or says why there are too many to send anything at all. */
export function planLeaverLocks(
	memory: LeaverMemory | undefined,
	current: string[][],
	options: ImportOptions,
	active: boolean,
): LeaverPlan | LeaverGuardStop {
	const present = new Set(current.flat());
	const leavers = memory ? findLeavers(memory.members, present) : [];
	const remembered = memory?.members.length ?? 0;
	let held: Pick<LeaverPlan, 'held' | 'heldBecause' | 'approvedCode'> = { held: [] };
	const violation = options.allowMassLocking
		? undefined
		: findDeletionGuardViolation(
				{ deletions: leavers.length, sourceCount: current.length, targetCount: remembered },
				options.limits,
				HOW_TO_ALLOW,
			);
	if (violation && options.whenOverLimit === OVER_LIMIT.stop) {
		return {
			violation: violation.replace(/records/g, 'members'),
			description: `${leavers.length} of the ${remembered} members imported by the last successful run are missing from this run's ${current.length} items. Nothing was sent to GoPublic.`,
		};
	}
	if (violation) {
		const keys = leavers.map((uuids) => uuids.join('|'));
		const code = approvalCode(keys);
		held = approves(options.approveHeldRemovals, keys)
			? { held: [], approvedCode: code }
			: { held: leavers, heldBecause: heldBecause(keys.length, remembered, 'locks', code) };
	}
	const locked = memory?.locked ?? [];
	const returners = findReturners(locked, present);
	return {
		...held,
		active,
		leavers: held.held.length > 0 ? [] : leavers,
		current,
		returners,
		stillLocked: locked.filter((uuids) => !returners.includes(uuids)),
	};
}

/** The uuids of members to import with `lockForDeletion: false` (active runs only). */
export function uuidsToUnlock(plan: LeaverPlan): Set<string> {
	return new Set(plan.active ? plan.returners.flat() : []);
}

/**
 * What the next night starts from: this run's members, and who is locked now. A returner whose
 * import failed is still locked in GoPublic, so it stays locked in the memory.
 */
export function nextMemory(
	plan: LeaverPlan,
	lockedNow: string[][],
	unlockedNow: ReadonlySet<string>,
): LeaverMemory {
	const stillAway = plan.returners.filter((uuids) => !uuids.some((uuid) => unlockedNow.has(uuid)));
	// Held leavers stay remembered, so the next night finds (and holds, or locks) them again.
	return {
		members: [...plan.current, ...plan.held],
		locked: [...plan.stillLocked, ...stillAway, ...lockedNow],
	};
}
