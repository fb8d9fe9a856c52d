/**
 * Workflows with n8n's own Data table node (n8n-nodes-base.dataTable, typeVersion 1.1), the way
 * our templates use it: items pinned on the trigger → one Data table node. Run them with
 * `runWorkflow(json, { dataTables })`.
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { START_NODE, type WorkflowJson } from '../runWorkflow';

export const DATA_TABLE_NODE = 'Data table';

export type ColumnType = 'string' | 'number' | 'boolean' | 'date';
export type Condition = {
	keyName: string;
	condition: 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'like' | 'ilike' | 'isEmpty' | 'isNotEmpty';
	keyValue?: string | number | boolean;
};

/** The table picked "By Name", as a template that must work in any n8n instance does. */
const byName = (table: string) => ({ __rl: true, mode: 'name', value: table });

function dataTableNode(parameters: INodeParameters): INode {
	return {
		id: 'data-table',
		name: DATA_TABLE_NODE,
		type: 'n8n-nodes-base.dataTable',
		typeVersion: 1.1,
		position: [300, 0],
		parameters,
	};
}

function startTo(node: INode, items: IDataObject[] = [{}]): WorkflowJson {
	return {
		nodes: [START_NODE, node],
		connections: { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		pinData: { Start: items.map((json) => ({ json })) },
	};
}

/** Table → Create, "Reuse Existing Tables" on. */
export function createTableWorkflow(
	table: string,
	columns: Array<{ name: string; type: ColumnType }>,
): WorkflowJson {
	return startTo(
		dataTableNode({
			resource: 'table',
			operation: 'create',
			tableName: table,
			columns: { column: columns },
			options: { createIfNotExists: true },
		}),
	);
}

/** Row → Get, Return All (optionally with conditions). */
export function getAllRowsWorkflow(
	table: string,
	conditions: Condition[] = [],
	matchType: 'anyCondition' | 'allConditions' = 'allConditions',
): WorkflowJson {
	return startTo(
		dataTableNode({
			resource: 'row',
			operation: 'get',
			dataTableId: byName(table),
			matchType,
			filters: { conditions },
			returnAll: true,
		}),
	);
}

/** Row → Upsert of each input item (columns mapped automatically), matched by `conditions`. */
export function upsertRowsWorkflow(
	table: string,
	items: IDataObject[],
	conditions: Condition[],
): WorkflowJson {
	return startTo(
		dataTableNode({
			resource: 'row',
			operation: 'upsert',
			dataTableId: byName(table),
			matchType: 'allConditions',
			filters: { conditions },
			columns: { mappingMode: 'autoMapInputData', value: null },
			options: {},
		}),
		items,
	);
}

/** Row → Delete Rows matching all `conditions`. */
export function deleteRowsWorkflow(table: string, conditions: Condition[]): WorkflowJson {
	return startTo(
		dataTableNode({
			resource: 'row',
			operation: 'deleteRows',
			dataTableId: byName(table),
			matchType: 'allConditions',
			filters: { conditions },
			options: {},
		}),
	);
}
