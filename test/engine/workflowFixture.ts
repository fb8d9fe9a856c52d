/**
 * A workflow JSON whose expected results are stored in it, as n8n's own node tests keep theirs:
 * the pinned data of the final nodes (those that lead nowhere) is what they must put out, the
 * pinned data of every other node is input. A run that must stop names its error in
 * `expectedError`. Such files can be imported into n8n and looked at in the editor.
 */
import { readFileSync } from 'node:fs';

import type { IDataObject } from 'n8n-workflow';

import type { WorkflowJson } from './runWorkflow';

export interface WorkflowFixture {
	/** The workflow with only its input pinned. */
	workflow: WorkflowJson;
	/** The JSON each final node must put out, by node name. */
	expectedOutputs: Record<string, IDataObject[]>;
	expectedError?: { name: string; message: string };
}

export function readWorkflowFixture(path: string): WorkflowFixture {
	const { expectedError, ...workflow } = JSON.parse(readFileSync(path, 'utf8')) as WorkflowJson & {
		expectedError?: WorkflowFixture['expectedError'];
	};
	const leadsSomewhere = new Set(Object.keys(workflow.connections));
	const finalNodes = workflow.nodes
		.map((node) => node.name)
		.filter((name) => !leadsSomewhere.has(name));
	const input: NonNullable<WorkflowJson['pinData']> = {};
	const expectedOutputs: Record<string, IDataObject[]> = {};
	for (const [name, items] of Object.entries(workflow.pinData ?? {})) {
		if (finalNodes.includes(name)) expectedOutputs[name] = items.map((item) => item.json);
		else input[name] = items;
	}
	for (const name of finalNodes) expectedOutputs[name] ??= [];
	return { workflow: { ...workflow, pinData: input }, expectedOutputs, expectedError };
}
