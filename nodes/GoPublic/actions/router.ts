import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import * as member from './member';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	if (resource === 'member' && operation === 'import') {
		const { results, memoryToSave } = await member.importMembers.execute.call(this);
		return [results, memoryToSave];
	}
	if (resource === 'member' && operation === 'remove')
		return [await member.removeMembers.execute.call(this), []];
	throw new NodeOperationError(
		this.getNode(),
		`The operation "${operation}" of "${resource}" is not supported`,
	);
}
