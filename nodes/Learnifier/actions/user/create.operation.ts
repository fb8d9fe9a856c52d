import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { NoAnswerError } from '../../../shared/http/sendWithRetry';
import { describeUser } from '../../helpers/describeUser';
import { doneOutcome, withOutcome } from '../../../shared/syncOutcome';
import type { LearnifierUser, UserChanges } from '../../transport/apiContract';
import { changesFromFields, TEXT_FIELDS } from '../../helpers/userFields';
import { isSuccess } from '../../../shared/http/isSuccess';
import { MAX_ATTEMPTS } from '../../transport/learnifierTransport';
import type { ItemTools } from '../../transport/itemTools';
import { forEachUser } from './forEachUser';
import { emailConflictError } from '../../helpers/emailConflictError';
import { concurrencyOption, optionsCollection } from './common.description';
import { displayOnlyFor } from '../../../shared/displayOptions';

const MAIN_FIELDS = ['externalId', 'firstName', 'lastName', 'primaryEmail'];
/** A create whose answer was lost is checked and re-sent as often as any request is retried. */
const MAX_CREATE_TRIES = MAX_ATTEMPTS;
const RECOVERED = 'created by an earlier try whose answer was lost; found by its external ID';
const ALREADY_THERE = 'already in Learnifier (another run created it); found by its external ID';

const properties: INodeProperties[] = [
	...TEXT_FIELDS.filter((field) => MAIN_FIELDS.includes(field.name)).map(
		(field): INodeProperties => ({
			displayName: field.displayName,
			name: field.name,
			type: 'string',
			required: field.name !== 'primaryEmail',
			default: '',
			placeholder: field.name === 'primaryEmail' ? 'name@example.com' : undefined,
			description:
				field.name === 'primaryEmail'
					? `${field.description}. Leave empty for a user without email.`
					: field.description,
		}),
	),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...TEXT_FIELDS.filter((field) => !MAIN_FIELDS.includes(field.name)).map(
				(field): INodeProperties => ({ ...field, type: 'string', default: '' }),
			),
			{
				displayName: 'Locked',
				name: 'hardLock',
				type: 'boolean',
				default: false,
				description: 'Whether the user is locked out of Learnifier from the start',
			},
		],
	},
	optionsCollection([concurrencyOption]),
];

export const description = displayOnlyFor(
	{ resource: ['user'], operation: ['create'] },
	properties,
);

async function existingUser(
	tools: ItemTools,
	externalId: string,
	action: string,
	itemIndex: number,
) {
	const response = await tools.api.findByExternalId(externalId, itemIndex);
	if (isSuccess(response)) return response.body as LearnifierUser;
	if (tools.api.isNotFound(response)) return undefined;
	throw tools.api.error(response, `${action}: checking whether the user exists`, itemIndex);
}

/**
 * Creates the user once, even when an answer is lost: before sending again, and when the e-mail
 * turns out to be taken, it looks for a user with this external ID (an earlier try that did land).
 * A user without e-mail has no taken-e-mail refusal to catch a second create (two overlapping runs
 * of one sync), so for them it looks first.
 */
async function createOnce(tools: ItemTools, changes: UserChanges, itemIndex: number) {
	const externalId = String(changes.externalId);
	const action = `Creating ${describeUser(changes)}`;
	if (!changes.primaryEmail) {
		const there = await existingUser(tools, externalId, action, itemIndex);
		if (there) return withOutcome(there, doneOutcome('unchanged', ALREADY_THERE));
	}
	for (let attempt = 1; attempt <= MAX_CREATE_TRIES; attempt++) {
		let created;
		try {
			created = await tools.api.createUser(changes, itemIndex);
		} catch (error) {
			if (!(error instanceof NoAnswerError))
				throw new NodeOperationError(tools.api.node, error as Error, { itemIndex });
			const landed = await existingUser(tools, externalId, action, itemIndex);
			if (landed) return withOutcome(landed, doneOutcome('created', RECOVERED));
			continue;
		}
		if (created.id) return withOutcome({ id: created.id, ...changes }, doneOutcome('created'));
		const { response } = created;
		if (!tools.api.isEmailConflict(response) || !changes.primaryEmail)
			throw tools.api.error(response, action, itemIndex);
		const landed = await existingUser(tools, externalId, action, itemIndex);
		const email = String(changes.primaryEmail);
		if (landed?.primaryEmail?.toLowerCase() === email.toLowerCase()) {
			return withOutcome(landed, doneOutcome('created', RECOVERED));
		}
		throw await emailConflictError(tools, {
			action,
			email,
			hint: 'Email addresses must be unique in Learnifier. Correct the address in the source, or free it on the other user first.',
			itemIndex,
		});
	}
	throw new NodeOperationError(
		tools.api.node,
		`${action} failed: Learnifier did not answer (${MAX_CREATE_TRIES} tries)`,
		{
			description:
				'No user with this external ID exists in Learnifier, so nothing was created. Run the workflow again later.',
			itemIndex,
		},
	);
}

export async function execute(this: IExecuteFunctions) {
	return await forEachUser(this, async (itemIndex, tools) => {
		const fields: IDataObject = {
			...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		};
		for (const name of MAIN_FIELDS) fields[name] = this.getNodeParameter(name, itemIndex, '');
		const changes = changesFromFields(fields);
		if (!changes.externalId) {
			throw new NodeOperationError(
				this.getNode(),
				`Item ${itemIndex + 1} has an empty External ID`,
				{
					description:
						'Users created by this node need an external ID: it is how the next run finds them again. Check the expression in External ID.',
					itemIndex,
				},
			);
		}
		return await createOnce(tools, changes, itemIndex);
	});
}
