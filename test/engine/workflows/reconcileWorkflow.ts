/**
 * Builds the workflow every Reconcile node test runs, the way an admin would wire it:
 * Manual Trigger → Source and Target (No Op nodes whose output is pinned) → the node under test,
 * with a No Op after each of its outputs so a test can see whether anything downstream ran.
 * The benchmark uses the same builder for Reconcile and for n8n's Compare Datasets.
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { runWorkflow, START_NODE, type WorkflowJson } from '../runWorkflow';

export const RECONCILE = 'Reconcile';
export const OUTPUTS = ['Create', 'Update', 'Delete', 'Unchanged', 'Skipped'] as const;
export type OutputName = (typeof OUTPUTS)[number];

/** The No Op node behind each output, e.g. "After Delete". */
export const after = (output: string) => `After ${output}`;

const noOp = (name: string, x: number, y: number): INode => ({
	id: name,
	name,
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [x, y],
	parameters: {},
});

export interface TwoInputNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters;
	/** Output names; a No Op is placed after each one. Empty: nothing runs after the node. */
	outputs: readonly string[];
}

export function twoInputWorkflow(
	node: TwoInputNode,
	source: IDataObject[],
	target: IDataObject[],
): WorkflowJson {
	return {
		name: `${node.name} on two pinned inputs`,
		nodes: [
			START_NODE,
			noOp('Source', 200, -100),
			noOp('Target', 200, 100),
			{ ...node, id: node.name, position: [400, 0] },
			...node.outputs.map((output, index) => noOp(after(output), 600, index * 100)),
		],
		connections: {
			Start: {
				main: [
					[
						{ node: 'Source', type: 'main', index: 0 },
						{ node: 'Target', type: 'main', index: 0 },
					],
				],
			},
			Source: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
			Target: { main: [[{ node: node.name, type: 'main', index: 1 }]] },
			[node.name]: {
				main: node.outputs.map((output) => [{ node: after(output), type: 'main', index: 0 }]),
			},
		},
		// Paired as the nodes that read Admentum or Learnifier emit their items.
		pinData: {
			Source: source.map((json, item) => ({ json, pairedItem: { item } })),
			Target: target.map((json, item) => ({ json, pairedItem: { item } })),
		},
	};
}

export const reconcileWorkflow = (
	source: IDataObject[],
	target: IDataObject[],
	parameters: INodeParameters = {},
	outputs: readonly string[] = OUTPUTS,
) =>
	twoInputWorkflow(
		{
			name: RECONCILE,
			type: 'n8n-nodes-directory-sync.reconcile',
			typeVersion: 1,
			parameters,
			outputs,
		},
		source,
		target,
	);

/** Runs Reconcile on the two record lists and returns the engine's result. */
export const runReconcile = (
	source: IDataObject[],
	target: IDataObject[],
	parameters?: INodeParameters,
) => runWorkflow(reconcileWorkflow(source, target, parameters));
