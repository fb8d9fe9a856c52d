import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import * as user from './actions/user';

export class Learnifier implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Learnifier',
		name: 'learnifier',
		icon: { light: 'file:learnifier.svg', dark: 'file:learnifier.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, update, lock and delete users in Learnifier',
		defaults: { name: 'Learnifier' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'learnifierApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'User', value: 'user' }],
				default: 'user',
			},
			...user.description,
		],
	};

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
