/** Reconcile's outputs: their names in the order the node declares them, and the one lookup by name. */
import type { INodeExecutionData } from 'n8n-workflow';

export const OUTPUT_NAMES = ['Create', 'Update', 'Delete', 'Unchanged', 'Skipped'] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];

/** Where the output called `name` is in the node's list of outputs. */
export const outputIndex = (name: OutputName): number => OUTPUT_NAMES.indexOf(name);

/** The node's outputs from lists named by output; an output not named is empty. */
export function byOutput(
	lists: Partial<Record<OutputName, INodeExecutionData[]>>,
): INodeExecutionData[][] {
	return OUTPUT_NAMES.map((name) => lists[name] ?? []);
}
