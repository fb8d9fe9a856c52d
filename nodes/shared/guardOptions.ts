/**
 * The options shared by Reconcile and GoPublic's "Lock Members That Left" for previewing a night
 * and for what the deletion guard does over its limits, in the words of the node that shows them.
 */
import type { INodeProperties } from 'n8n-workflow';

export const OVER_LIMIT = { stop: 'stop', hold: 'holdRemovals' } as const;

export type OverLimitPolicy = (typeof OVER_LIMIT)[keyof typeof OVER_LIMIT];

export const GUARD_OPTION_NAMES = {
	previewOnly: 'Preview Only',
	whenOverLimit: 'When Over the Limit',
	approveHeldRemovals: 'Approve Held Removals',
} as const;

export const previewOnlyOption: INodeProperties = {
	displayName: GUARD_OPTION_NAMES.previewOnly,
	name: 'previewOnly',
	type: 'boolean',
	default: false,
	description: 'Whether to only show what the run would do. Nothing is written.',
};

/** `removals`: how the node names what it removes, e.g. "removals" or "locks". */
export function whenOverLimitOption(removals: string): INodeProperties {
	const capitalized = `${removals[0].toUpperCase()}${removals.slice(1)}`;
	return {
		displayName: GUARD_OPTION_NAMES.whenOverLimit,
		name: 'whenOverLimit',
		type: 'options',
		default: 'stop',
		options: [
			{
				name: 'Stop Everything',
				value: OVER_LIMIT.stop,
				description: 'Nothing is written that night',
			},
			{
				name: `Apply Creates and Updates, Hold the ${capitalized}`,
				value: OVER_LIMIT.hold,
				description: `The held ${removals} are listed and the night ends red`,
			},
		],
		description: `What to do when a run would make more ${removals} than the limits allow`,
	};
}

export function approveHeldRemovalsOption(removals: string): INodeProperties {
	return {
		displayName: GUARD_OPTION_NAMES.approveHeldRemovals,
		name: 'approveHeldRemovals',
		type: 'string',
		default: '',
		placeholder: 'e.g. 200-584ebd',
		description: `The code Sync Summary showed for held ${removals}. It lets those through, once.`,
	};
}

/** All three, for a node that sorts its options itself. */
export const guardOptions = (removals: string): INodeProperties[] => [
	previewOnlyOption,
	whenOverLimitOption(removals),
	approveHeldRemovalsOption(removals),
];

export function overLimitPolicy(value: unknown): OverLimitPolicy {
	return value === OVER_LIMIT.hold ? OVER_LIMIT.hold : OVER_LIMIT.stop;
}
