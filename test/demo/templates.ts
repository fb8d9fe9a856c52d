/**
 * The workflow templates shipped in workflows/: what the demo imports and runs, and which target
 * each one writes (read from its node types, so a new template needs no change here).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { WorkflowJson } from '../e2e/realN8n';
import { PACKAGE_NAME, REPO_ROOT } from '../n8n-runtime/installPackage';

export const TEMPLATES_DIR = join(REPO_ROOT, 'workflows');

export type Target = 'Learnifier' | 'GoPublic';

export interface Template {
	file: string;
	workflow: WorkflowJson;
	targets: Target[];
}

export function readTemplates(): Template[] {
	if (!existsSync(TEMPLATES_DIR)) return [];
	return readdirSync(TEMPLATES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(readFileSync(join(TEMPLATES_DIR, file), 'utf8')) as WorkflowJson;
			return { file, workflow, targets: targetsOf(workflow) };
		});
}

function targetsOf(workflow: WorkflowJson): Target[] {
	const types = new Set(workflow.nodes.map((node) => node.type));
	const targets: Target[] = [];
	if (types.has(`${PACKAGE_NAME}.learnifier`)) targets.push('Learnifier');
	if (types.has(`${PACKAGE_NAME}.goPublic`)) targets.push('GoPublic');
	return targets;
}

/** The template in workflows/ with this file name (e.g. 'hr-csv-to-gopublic.json'). */
export function readTemplate(file: string): Template {
	const template = readTemplates().find((candidate) => candidate.file === file);
	if (!template) throw new Error(`workflows/${file} is missing`);
	return template;
}

type WorkflowNode = WorkflowJson['nodes'][number];

function mapNodes(
	workflow: WorkflowJson,
	change: (node: WorkflowNode) => WorkflowNode,
): WorkflowJson {
	return { ...workflow, nodes: workflow.nodes.map(change) };
}

/**
 * A copy of the workflow with values of its "Customer Settings" node replaced, as an admin fills
 * them in for a customer (e.g. where the HR file lies on this machine).
 */
export function withCustomerSettings(
	workflow: WorkflowJson,
	values: Record<string, string | number>,
): WorkflowJson {
	let found = false;
	const copy = mapNodes(workflow, (node) => {
		if (node.name !== 'Customer Settings') return node;
		found = true;
		const parameters = node.parameters as {
			assignments: { assignments: Array<{ name: string; value: unknown }> };
		};
		const assignments = parameters.assignments.assignments.map((assignment) =>
			assignment.name in values ? { ...assignment, value: values[assignment.name] } : assignment,
		);
		const missing = Object.keys(values).filter(
			(name) => !assignments.some((assignment) => assignment.name === name),
		);
		if (missing.length)
			throw new Error(`"Customer Settings" of "${workflow.name}" has no ${missing.join(', ')}`);
		return { ...node, parameters: { ...parameters, assignments: { assignments } } };
	});
	if (!found) throw new Error(`"${workflow.name}" has no "Customer Settings" node`);
	return copy;
}

/**
 * A copy whose Schedule Trigger fires every few seconds instead of once a night, so that a test
 * can publish it and get production runs (the only ones with workflow static data) within seconds.
 */
export function withScheduleEverySeconds(
	workflow: WorkflowJson,
	secondsInterval: number,
): WorkflowJson {
	return mapNodes(workflow, (node) =>
		node.type === 'n8n-nodes-base.scheduleTrigger'
			? { ...node, parameters: { rule: { interval: [{ field: 'seconds', secondsInterval }] } } }
			: node,
	);
}
