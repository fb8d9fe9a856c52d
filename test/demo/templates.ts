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
