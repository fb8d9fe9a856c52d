/** The Import options as the code uses them, read from the node's Options collection. */
import { DEFAULT_DELETION_LIMITS, type DeletionGuardLimits } from '../../shared/deletionGuard';
import type { EmptyFields } from './buildMember';

/** Option names as the admin sees them; messages name options by these. */
export const OPTION_NAMES = {
	lockMembersThatLeft: 'Lock Members That Left',
	memoryStore: 'Remember Members In',
	rememberedMembers: 'Remembered Members',
	allowMassLocking: 'Allow Mass Locking',
	maxLocks: 'Max Locks',
	maxLockPercent: 'Max Lock Percentage',
} as const;

export const DEFAULT_BATCH_SIZE = 100;

export type MemoryStoreName = 'dataTable' | 'staticData';

export interface ImportOptions {
	batchSize: number;
	emptyFields: EmptyFields;
	memoryStore: MemoryStoreName;
	lockMembersThatLeft: boolean;
	allowMassLocking: boolean;
	limits: DeletionGuardLimits;
}

export function readImportOptions(raw: Record<string, unknown>): ImportOptions {
	return {
		batchSize: Number(raw.batchSize ?? DEFAULT_BATCH_SIZE),
		emptyFields: raw.emptyFields === 'clear' ? 'clear' : 'leaveOut',
		memoryStore: raw.memoryStore === 'dataTable' ? 'dataTable' : 'staticData',
		lockMembersThatLeft: raw.lockMembersThatLeft === true,
		allowMassLocking: raw.allowMassLocking === true,
		limits: {
			maxDeletions: Number(raw.maxLocks ?? DEFAULT_DELETION_LIMITS.maxDeletions),
			maxDeletionPercent: Number(raw.maxLockPercent ?? DEFAULT_DELETION_LIMITS.maxDeletionPercent),
		},
	};
}
