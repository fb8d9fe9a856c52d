import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
} from 'n8n-workflow';

import * as person from './person/getAll.operation';
import * as school from './school/getAll.operation';

const OPERATIONS: Record<
	string,
	Record<string, { execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]> }>
> = {
	person: { getAll: person },
	school: { getAll: school },
};

/** Runs the chosen operation once (it reads lists; incoming items only start it). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const chosen = OPERATIONS[resource]?.[operation];
	if (!chosen)
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not known`,
		);
	try {
		return await chosen.execute.call(this);
	} catch (error) {
		if (this.continueOnFail())
			return [[{ json: { error: (error as Error).message }, pairedItem: { item: 0 } }], []];
		throw asNodeError(this.getNode(), error);
	}
}

/** Our own errors as they are; anything else wrapped, so n8n shows it like the others. */
function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error);
}
