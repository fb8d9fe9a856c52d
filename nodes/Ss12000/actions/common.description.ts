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

export const schoolUnitsField: INodeProperties = {
	displayName: 'School Unit Names or IDs',
	name: 'schoolIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getSchoolUnits' },
	default: [],
	required: true,
	description:
		'The school units to read. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
