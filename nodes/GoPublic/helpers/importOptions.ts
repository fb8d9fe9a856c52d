/** The Import options as the code uses them, read from the node's Options collection. */
import { DEFAULT_DELETION_LIMITS, type DeletionGuardLimits } from '../../shared/deletionGuard';
import { keyList } from '../../shared/approvalCode';
import { overLimitPolicy, type OverLimitPolicy } from '../../shared/guardOptions';
import type { EmptyFields } from './buildMember';

/** Option names as the admin sees them; messages name options by these. */
export const OPTION_NAMES = {
	lockMembersThatLeft: 'Lock Members That Left',
	memoryStore: 'Remember Members In',
	rememberedMembers: 'Remembered Members',
	allowMassLocking: 'Allow Mass Locking',
	maxLocks: 'Max Locks',
	maxLockPercent: 'Max Lock Percentage',
	onlyTheseUuids: 'Only These UUIDs',
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
	/** Validate and plan as a real run would, and send nothing. */
	previewOnly: boolean;
	whenOverLimit: OverLimitPolicy;
	approveHeldRemovals: string;
	/** Limit the run to the members with these uuids (empty: everyone). */
	onlyTheseUuids: string[];
}

/** Version 1 of the node remembered in static data by default, version 2 in a Data Table. */
function memoryStoreOf(chosen: unknown, nodeVersion: number): MemoryStoreName {
	if (chosen === 'dataTable' || chosen === 'staticData') return chosen;
	return nodeVersion >= 2 ? 'dataTable' : 'staticData';
}

export function readImportOptions(raw: Record<string, unknown>, nodeVersion = 2): ImportOptions {
	return {
		batchSize: Number(raw.batchSize ?? DEFAULT_BATCH_SIZE),
		emptyFields: raw.emptyFields === 'clear' ? 'clear' : 'leaveOut',
		memoryStore: memoryStoreOf(raw.memoryStore, nodeVersion),
		lockMembersThatLeft: raw.lockMembersThatLeft === true,
		allowMassLocking: raw.allowMassLocking === true,
		limits: {
			maxDeletions: Number(raw.maxLocks ?? DEFAULT_DELETION_LIMITS.maxDeletions),
			maxDeletionPercent: Number(raw.maxLockPercent ?? DEFAULT_DELETION_LIMITS.maxDeletionPercent),
		},
		previewOnly: raw.previewOnly === true,
		whenOverLimit: overLimitPolicy(raw.whenOverLimit),
		approveHeldRemovals: String(raw.approveHeldRemovals ?? ''),
		onlyTheseUuids: keyList(raw.onlyTheseUuids),
	};
}
