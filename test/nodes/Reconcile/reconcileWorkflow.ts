/**
 * Builds the workflow every Reconcile node test runs, the way an admin would wire it:
 * Manual Trigger → Source and Target (No Op nodes whose output is pinned) → Reconcile, with a
 * No Op after each Reconcile output so a test can see whether anything downstream ran.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../../engine/runWorkflow';

export const RECONCILE = 'Reconcile';
export const OUTPUTS = ['Create', 'Update', 'Delete', 'Unchanged', 'Skipped'] as const;
export type OutputName = (typeof OUTPUTS)[number];

/** The No Op node behind each output, e.g. "After Delete". */
export const after = (output: OutputName) => `After ${output}`;

const noOp = (name: string, x: number, y: number) => ({
	id: name,
	name,
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [x, y] as [number, number],
	parameters: {},
});

export function reconcileWorkflow(
	source: IDataObject[],
	target: IDataObject[],
	parameters: INodeParameters = {},
): WorkflowJson {
	return {
		name: 'Reconcile test',
		nodes: [
			{
				id: 'trigger',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			noOp('Source', 200, -100),
			noOp('Target', 200, 100),
			{
				id: 'reconcile',
				name: RECONCILE,
				type: 'n8n-nodes-directory-sync.reconcile',
				typeVersion: 1,
				position: [400, 0],
				parameters,
			},
			...OUTPUTS.map((output, index) => noOp(after(output), 600, index * 100)),
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
			Source: { main: [[{ node: RECONCILE, type: 'main', index: 0 }]] },
			Target: { main: [[{ node: RECONCILE, type: 'main', index: 1 }]] },
			[RECONCILE]: { main: OUTPUTS.map((output) => [{ node: after(output), type: 'main', index: 0 }]) },
		},
		pinData: {
			Source: source.map((json) => ({ json })),
			Target: target.map((json) => ({ json })),
		},
	};
}

/** Runs Reconcile on the two record lists and returns the engine's result. */
export const runReconcile = (source: IDataObject[], target: IDataObject[], parameters?: INodeParameters) =>
	runWorkflow(reconcileWorkflow(source, target, parameters));
