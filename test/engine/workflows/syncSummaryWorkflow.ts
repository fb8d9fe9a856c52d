/**
 * A node's results counted by Sync Summary, as the templates end a night: the node under test →
 * Sync Summary, optionally → Fail the Night (n8n's Stop and Error) on its "Night Failed" output.
 */
import type { INode, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from '../runWorkflow';

export const SYNC_SUMMARY = 'Sync Summary';
export const FAIL_THE_NIGHT = 'Fail the Night';

/** n8n's Stop and Error as the templates configure it: fails the execution with the summary line. */
export function failTheNightNode(settings: Partial<INode> = {}): INode {
	return {
		id: 'fail-the-night',
		name: FAIL_THE_NIGHT,
		type: 'n8n-nodes-base.stopAndError',
		typeVersion: 1,
		position: [1000, 200],
		parameters: { errorMessage: '={{ $json.failure }}' },
		...settings,
	};
}

/** `workflow` with Sync Summary after the first output of `after`. */
export function withSyncSummary(
	workflow: WorkflowJson,
	after: string,
	parameters: INodeParameters = {},
): WorkflowJson {
	return {
		...workflow,
		nodes: [
			...workflow.nodes,
			{
				id: 'sync-summary',
				name: SYNC_SUMMARY,
				type: 'n8n-nodes-directory-sync.syncSummary',
				typeVersion: 1,
				position: [800, 0],
				parameters: { maxReasons: 10, ...parameters },
			},
		],
		connections: {
			...workflow.connections,
			[after]: { main: [[{ node: SYNC_SUMMARY, type: 'main', index: 0 }]] },
		},
	};
}
