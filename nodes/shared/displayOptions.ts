import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Shows the properties only where `show` says (e.g. one resource's operations), keeping any
 * conditions a property already has, as n8n's own `updateDisplayOptions` does.
 */
export function displayOnlyFor(
	show: NonNullable<IDisplayOptions['show']>,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...show, ...property.displayOptions?.show },
		},
	}));
}
