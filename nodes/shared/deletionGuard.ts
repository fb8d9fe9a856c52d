/**
 * The deletion guard shared by Reconcile and GoPublic's "lock members that left": a run that
 * would remove too many people at once is far more often a broken source (a truncated export, a
 * wrong school list) than a real exodus, so it stops before anything is written.
 */
export interface DeletionGuardLimits {
	/** Most records one run may remove. */
	maxDeletions: number;
	/** Most records one run may remove, as a percentage of the target. */
	maxDeletionPercent: number;
}

export interface DeletionGuardCounts {
	deletions: number;
	sourceCount: number;
	targetCount: number;
}

export const DEFAULT_DELETION_LIMITS: DeletionGuardLimits = {
	maxDeletions: 50,
	maxDeletionPercent: 10,
};

const formatNumber = (value: number) => value.toLocaleString('en-US');

/**
 * Returns why the run must stop, or undefined when the deletions are within the limits.
 * `howToAllow` tells the admin which setting to change, in the words of the calling node.
 */
export function findDeletionGuardViolation(
	counts: DeletionGuardCounts,
	limits: DeletionGuardLimits,
	howToAllow: string,
): string | undefined {
	const { deletions, sourceCount, targetCount } = counts;
	if (deletions === 0) return undefined;
	if (sourceCount === 0) {
		return (
			`Stopped before any change: the source list is empty while the target holds ${formatNumber(targetCount)} ` +
			`records, so all of them would be removed. An empty source usually means it could not be read ` +
			`(wrong address, key or school list). ${howToAllow}`
		);
	}
	const percent = targetCount === 0 ? 100 : (deletions / targetCount) * 100;
	if (deletions <= limits.maxDeletions && percent <= limits.maxDeletionPercent) return undefined;
	return (
		`Stopped before any change: this run would remove ${formatNumber(deletions)} of ${formatNumber(targetCount)} ` +
		`records (${percent.toFixed(1)} %), more than the limit of ${formatNumber(limits.maxDeletions)} records ` +
		`or ${limits.maxDeletionPercent} % of the target. A source that is suddenly much smaller is usually ` +
		`incomplete, not a real change. ${howToAllow}`
	);
}
