import type { INodeProperties } from 'n8n-workflow';

interface OptionWords {
	displayName: string;
	name: string;
	description: string;
}

/**
 * The two limit options of the deletion guard, in the words of the node that shows them. The
 * defaults are literals because n8n's lint and scanner require them; a test keeps them equal to
 * DEFAULT_DELETION_LIMITS.
 */
export function deletionLimitOptions(count: OptionWords, percent: OptionWords): INodeProperties[] {
	return [
		{ ...count, type: 'number', typeOptions: { minValue: 0 }, default: 50 },
		{ ...percent, type: 'number', typeOptions: { minValue: 0, maxValue: 100 }, default: 10 },
	];
}
