/**
 * Reads an n8n Data Table's rows from a running n8n, the way an admin could: a small workflow
 * with n8n's Data table node (Get, all rows), run by hand. In queue mode the main runs it.
 */
import type { N8nInstance } from './n8nInstance';
import { importWorkflows, runToCompletion, type WorkflowJson } from './realN8n';

function tableReader(name: string): WorkflowJson {
	return {
		name: `Read the data table "${name}"`,
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'read',
				name: 'Read Table',
				type: 'n8n-nodes-base.dataTable',
				typeVersion: 1.1,
				position: [220, 0],
				parameters: {
					resource: 'row',
					operation: 'get',
					dataTableId: { __rl: true, mode: 'name', value: name },
					returnAll: true,
				},
			},
		],
		connections: { Start: { main: [[{ node: 'Read Table', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

export async function readDataTable(
	n8n: N8nInstance,
	name: string,
): Promise<Array<Record<string, unknown>>> {
	const [reader] = await importWorkflows(n8n, [tableReader(name)]);
	const execution = await runToCompletion(n8n, reader);
	const runs = execution.data.resultData.runData['Read Table'] ?? [];
	return (runs[0]?.data?.main[0] ?? []).map((item) => item.json);
}
