/** Workflows the GoPublic node tests run: items (pinned on a trigger, or read from a CSV file) → GoPublic. */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { IMPORT_PATH } from '../../../nodes/GoPublic/transport/apiContract';
import { START_NODE, type WorkflowJson } from '../runWorkflow';
import {
	GOPUBLIC_TEST_KEY,
	GOPUBLIC_TEST_ORIGIN,
} from '../../simulators/gopublic/gopublicSimulator';

export const NODE = 'GoPublic';

export function credentialsFor(origin: string, apiKey = GOPUBLIC_TEST_KEY) {
	return {
		goPublicApi: {
			addressType: 'endpoint',
			endpoint: origin + IMPORT_PATH,
			apiKey,
			origin: GOPUBLIC_TEST_ORIGIN,
		},
	};
}

function goPublicNode(parameters: INodeParameters, settings: Partial<INode> = {}): INode {
	return {
		id: 'gopublic',
		name: NODE,
		type: 'n8n-nodes-directory-sync.goPublic',
		typeVersion: 1,
		position: [600, 0],
		parameters,
		credentials: { goPublicApi: { id: '1', name: 'GoPublic test' } },
		...settings,
	};
}

/** Trigger with `items` pinned → GoPublic. */
export function itemsToGoPublic(
	items: IDataObject[],
	parameters: INodeParameters,
	settings: Partial<INode> = {},
): WorkflowJson {
	return {
		nodes: [START_NODE, goPublicNode(parameters, settings)],
		connections: { Start: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
		pinData: { Start: items.map((json) => ({ json })) },
	};
}

/** Read a file → Extract From File (CSV, `;`) → GoPublic, as an admin replaces GoPublic's Python sample. */
export function csvFileToGoPublic(filePath: string, parameters: INodeParameters): WorkflowJson {
	return {
		nodes: [
			START_NODE,
			{
				id: 'read',
				name: 'Read CSV',
				type: 'n8n-nodes-base.readWriteFile',
				typeVersion: 1,
				position: [200, 0],
				parameters: { operation: 'read', fileSelector: filePath, options: {} },
			},
			{
				id: 'extract',
				name: 'Extract CSV',
				type: 'n8n-nodes-base.extractFromFile',
				typeVersion: 1,
				position: [400, 0],
				parameters: {
					operation: 'csv',
					options: { delimiter: ';', headerRow: true, enableBOM: true },
				},
			},
			goPublicNode(parameters),
		],
		connections: {
			Start: { main: [[{ node: 'Read CSV', type: 'main', index: 0 }]] },
			'Read CSV': { main: [[{ node: 'Extract CSV', type: 'main', index: 0 }]] },
			'Extract CSV': { main: [[{ node: NODE, type: 'main', index: 0 }]] },
		},
	};
}

export const IMPORT = { resource: 'member', operation: 'import' };

/** One staff row per uuid, in the columns of GoPublic's own CSV layout. */
export const staffRows = (uuids: string[]) =>
	uuids.map((uuid) => ({
		UUID: uuid,
		Name: `P ${uuid}`,
		FullName: `Person ${uuid}`,
		EmailAddress: `${uuid}@x.dk`,
		Roles: 'Medarbejder',
	}));

/** The uuids m<from> … m<to>. */
export const memberUuids = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => `m${from + i}`);
