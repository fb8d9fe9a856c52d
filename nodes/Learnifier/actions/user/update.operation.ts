import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { describeUser } from '../../helpers/describeUser';
import { doneOutcome, updatedOutcome, withOutcome } from '../../../shared/syncOutcome';
import type { UserChanges } from '../../transport/apiContract';
import { changesFromFields, changesFromReconcile, TEXT_FIELDS } from '../../helpers/userFields';
import type { ItemTools } from '../../transport/itemTools';
import { forEachUser } from './forEachUser';
import { patchAndRead, readUser } from '../../helpers/patchAndRead';
import { concurrencyOption, optionsCollection, userIdParameter } from './common.description';
import { trimmedText } from '../../../shared/values';
import { displayOnlyFor } from '../../../shared/displayOptions';

const fieldsBelow = { send: ['fields'] };
const fromReconcile = { send: ['reconcile'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Send',
		name: 'send',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Fields Below', value: 'fields', description: 'Send the fields you fill in below' },
			{
				name: 'Changes From Reconcile',
				value: 'reconcile',
				description:
					"Send exactly the changed fields of a Reconcile node's Update item (targetId and update). Connect the Update output of Reconcile.",
			},
		],
		default: 'fields',
	},
	userIdParameter({ send: ['fields'] }),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Only the fields added here are sent. A field whose value turns out empty is left as it is in Learnifier.',
		displayOptions: { show: fieldsBelow },
		options: TEXT_FIELDS.map(
			(field): INodeProperties => ({ ...field, type: 'string', default: '' }),
		),
	},
	{
		displayName: 'Clear Fields',
		name: 'clearFields',
		type: 'multiOptions',
		default: [],
		description:
			'Fields to empty in Learnifier. This is the only way this operation empties a field; a value set above for the same field is ignored.',
		displayOptions: { show: fieldsBelow },
		options: TEXT_FIELDS.map((field) => ({ name: field.displayName, value: field.name })),
	},
	{
		displayName: 'Clear Fields Emptied in the Source',
		name: 'clearEmptied',
		type: 'boolean',
		default: false,
		description:
			'Whether a field that Reconcile reports as now empty is emptied in Learnifier. Off: such fields are left as they are.',
		displayOptions: { show: fromReconcile },
	},
	optionsCollection([
		{
			displayName: 'Auto Clear Email',
			name: 'autoClearEmail',
			type: 'boolean',
			default: false,
			description:
				'Whether an email address that another user holds is taken from that user (Learnifier empties it there) instead of failing',
		},
		concurrencyOption,
	]),
];

export const description = displayOnlyFor(
	{ resource: ['user'], operation: ['update'] },
	properties,
);

interface PlannedUpdate {
	id: string;
	changes: UserChanges;
	label: string;
}

function fromReconcileItem(context: IExecuteFunctions, itemIndex: number): PlannedUpdate {
	const json = context.getInputData()[itemIndex].json;
	const id = trimmedText(json.targetId);
	const update = json.update;
	if (!id || !update || typeof update !== 'object' || Array.isArray(update)) {
		throw new NodeOperationError(
			context.getNode(),
			`Item ${itemIndex + 1} is not a Reconcile Update item`,
			{
				description:
					'With Send set to Changes From Reconcile, each item needs targetId (the Learnifier user ID) and update (the fields to write). Connect the Update output of a Reconcile node, or choose Send: Fields Below.',
				itemIndex,
			},
		);
	}
	const target = (json.target ?? {}) as IDataObject;
	const label = describeUser({ ...target, id, externalId: target.externalId ?? json.key });
	const result = changesFromReconcile(
		update as IDataObject,
		context.getNodeParameter('clearEmptied', itemIndex, false) as boolean,
	);
	if ('unknownField' in result) {
		throw new NodeOperationError(
			context.getNode(),
			`Updating ${label} failed: Learnifier users have no field "${result.unknownField}"`,
			{
				description: `In the Reconcile node, map the field to one of: ${TEXT_FIELDS.map((f) => f.name).join(', ')}, hardLock.`,
				itemIndex,
			},
		);
	}
	return { id, changes: result.changes, label };
}

function fromFields(context: IExecuteFunctions, itemIndex: number): PlannedUpdate {
	const id = trimmedText(context.getNodeParameter('userId', itemIndex, ''));
	if (!id) {
		throw new NodeOperationError(
			context.getNode(),
			`Item ${itemIndex + 1} has no Learnifier User ID`,
			{ itemIndex },
		);
	}
	const changes = changesFromFields(
		context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
		context.getNodeParameter('clearFields', itemIndex, []) as string[],
	);
	return { id, changes, label: describeUser({ id }) };
}

async function update(context: IExecuteFunctions, tools: ItemTools, itemIndex: number) {
	const send = context.getNodeParameter('send', itemIndex) as string;
	const { id, changes, label } =
		send === 'reconcile' ? fromReconcileItem(context, itemIndex) : fromFields(context, itemIndex);
	const action = `Updating ${label}`;
	const fields = Object.keys(changes);
	if (fields.length === 0)
		return withOutcome(await readUser(tools, id, action, itemIndex), doneOutcome('unchanged'));
	const autoClearEmail = context.getNodeParameter(
		'options.autoClearEmail',
		itemIndex,
		false,
	) as boolean;
	const user = await patchAndRead(tools, id, changes, { action, itemIndex, autoClearEmail });
	return withOutcome(user, updatedOutcome(fields));
}

export async function execute(this: IExecuteFunctions) {
	return await forEachUser(this, async (itemIndex, tools) => await update(this, tools, itemIndex));
}
