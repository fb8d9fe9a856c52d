/**
 * A template's canvas as an admin may rearrange it. n8n (execution order v1) runs a node's
 * branches top first and a Stop and Error ends the run, so what must survive a red night has to be
 * saved before the night is judged by construction, never because of where its node sits.
 */
import type { Random } from '../../simulators/kit/random';
import type { WorkflowJson } from '../runWorkflow';

const SAVES = ['Save Memory', 'Save History', 'Save Removals', 'Saved'];

/** The worst layout: "Fail the Night" first on the canvas and every save last. */
export function withStopOnTop(workflow: WorkflowJson): WorkflowJson {
	const y = (name: string) =>
		name === 'Fail the Night' ? -5000 : SAVES.includes(name) ? 5000 : undefined;
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => {
			const moved = y(node.name);
			return moved === undefined ? node : { ...node, position: [node.position[0], moved] };
		}),
	};
}

/** The nodes' vertical places shuffled. */
export function shuffledLayout(workflow: WorkflowJson, random: Random): WorkflowJson {
	const ys = workflow.nodes.map((node) => node.position[1]);
	const shuffled = ys.map((y) => ({ y, key: random() })).sort((a, b) => a.key - b.key);
	return {
		...workflow,
		nodes: workflow.nodes.map((node, i) => ({
			...node,
			position: [node.position[0], shuffled[i].y] as [number, number],
		})),
	};
}
