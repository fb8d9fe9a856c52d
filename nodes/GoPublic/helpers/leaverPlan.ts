/**
 * "Lock Members That Left", the planning (pure): who left since the last night, and what the
 * deletion guard says of locking them (nodes/shared/removalVerdict.ts). The locking itself is
 * lockChanges.ts; what the memory holds after the night is rememberNight.ts.
 */
import { findDeletionGuardViolation } from '../../shared/deletionGuard';
import { judgeRemovals } from '../../shared/removalVerdict';
import { OPTION_NAMES, type ImportOptions } from './importOptions';
import { awaitsLock, uuidsOfKey, type LeaverMemory } from './leaverMemory';

export interface LeaverPlan {
	/** False for manual (editor) runs: they only report who would be locked, and remember nothing. */
	active: boolean;
	/** Keys (uuids joined by `|`) of the members to lock tonight. */
	leavers: string[];
	/** Leavers the guard held back (not locked tonight, still remembered), and why. */
	held: string[];
	heldCode?: string;
	heldBecause?: string;
	/** The approval code that let held leavers through tonight, when one did, and whom. */
	approvedCode?: string;
	approvedKeys?: string[];
}

/** Why the guard stops the night (before anything is sent), with its numbers. */
export interface LeaverGuardStop {
	violation: string;
	description: string;
}

const HOW_TO_ALLOW =
	`If these members really left, raise "${OPTION_NAMES.maxLocks}" or "${OPTION_NAMES.maxLockPercent}", ` +
	`or turn on "${OPTION_NAMES.allowMassLocking}" under Options of this GoPublic node.`;

/** Remembered members none of whose uuids are in tonight's input, and that may still be unlocked. */
export function findLeavers(memory: LeaverMemory, present: ReadonlySet<string>): string[] {
	return [...memory]
		.filter(([key, entry]) => awaitsLock(entry) && !uuidsOfKey(key).some((u) => present.has(u)))
		.map(([key]) => key);
}

/** Plans the locks from the memory, or says why there are too many to send anything at all. */
export function planLeaverLocks(
	memory: LeaverMemory | undefined,
	current: string[][],
	options: ImportOptions,
	active: boolean,
): LeaverPlan | LeaverGuardStop {
	if (!memory) return { active, leavers: [], held: [] };
	const leavers = findLeavers(memory, new Set(current.flat()));
	const unlocked = [...memory.values()].filter(awaitsLock).length;
	const heldBefore = new Map<string, string>();
	for (const [key, entry] of memory) if (entry.heldCode) heldBefore.set(key, entry.heldCode);
	const verdict = judgeRemovals({
		removals: leavers,
		violation: (count) =>
			options.allowMassLocking
				? undefined
				: findDeletionGuardViolation(
						{ deletions: count, sourceCount: current.length, targetCount: unlocked },
						options.limits,
						HOW_TO_ALLOW,
					)?.replace(/records/g, 'members'),
		policy: options.whenOverLimit,
		entered: options.approveHeldRemovals,
		heldBefore,
		targetCount: unlocked,
		noun: 'locks',
	});
	if (verdict.kind === 'stop') {
		return {
			violation: verdict.violation,
			description: `${leavers.length} of the ${unlocked} members remembered from earlier nights are missing from this run's ${current.length} items. Nothing was sent to GoPublic.`,
		};
	}
	return {
		active,
		leavers: verdict.remove,
		held: verdict.held,
		heldCode: verdict.code,
		heldBecause: verdict.heldBecause,
		approvedCode: verdict.approvedCode,
		approvedKeys: verdict.approvedKeys,
	};
}
