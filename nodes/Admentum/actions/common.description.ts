import type { INodeProperties } from 'n8n-workflow';

/** Return All / Limit for a Get Many. */
export function returnAllAndLimit(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: true,
			description: 'Whether to return all results or only up to a given limit',
			hint: `Keep it on for a sync: a shortened list of ${what} would look as if the rest had left`,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

export const apiVariantOption: INodeProperties = {
	displayName: 'API Variant',
	name: 'apiVariant',
	type: 'options',
	options: [
		{
			name: 'From the API Address',
			value: 'fromAddress',
			description: 'CSV when the address contains /csv/ (e.g. …/api/csv/v1), otherwise JSON',
		},
		{ name: 'CSV Export API', value: 'csv' },
		{ name: 'JSON API', value: 'json' },
	],
	default: 'fromAddress',
	description: "Which of Admentum's two APIs the credential's address points at",
};
