import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { displayOnlyFor } from '../../../shared/displayOptions';
import { mapConcurrently } from '../../../shared/http/mapConcurrently';
import { reportPushBack } from '../../../shared/reportPushBack';
import { idListFrom, orderedTextList } from '../../helpers/idList';
import { mergePersons, type PersonList } from '../../helpers/mergePersons';
import type {
	ExternalIdSource,
	PersonItem,
	PersonOptions,
	ProtectedIdentities,
} from '../../helpers/types';
import { CLASS_GROUP_TYPE, DEFAULT_EMAIL_TYPES, type Role } from '../../transport/apiContract';
import { listGroupsOf } from '../../transport/listGroups';
import { listPersonsOf } from '../../transport/listPersons';
import { openSession } from '../../transport/ss12000Session';
import { returnAllAndLimit, schoolUnitsField } from '../common.description';

/** Lists read at the same time (one list = one role, or the classes, of one school unit). */
const CONCURRENT_LISTS = 4;

export const NO_EMAIL_REASON = 'No e-mail address of the chosen types in SS 12000';

const outputShape =
	'One item per person, as the Admentum node puts them out: externalId, firstName, lastName, email, ' +
	'role (student or teacher), schoolIds. A person in several school units is one item.';

const properties: INodeProperties[] = [
	{ displayName: outputShape, name: 'personOutputNotice', type: 'notice', default: '' },
	{
		displayName: 'Roles',
		name: 'roles',
		type: 'options',
		options: [
			{ name: 'Students and Staff', value: 'both' },
			{ name: 'Students', value: 'student', description: 'People enrolled at the school units' },
			{ name: 'Staff', value: 'teacher', description: 'People with a duty at the school units' },
		],
		default: 'both',
		description: 'Whom to read. Staff come out with role "teacher", as in the Admentum node.',
	},
	schoolUnitsField,
	...returnAllAndLimit('people'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'External ID Context',
				name: 'externalIdContext',
				type: 'string',
				default: '',
				placeholder: 'http://skolverket.se/AD',
				description:
					'For External ID From "External Identifier": the context whose value to use, as the provider names it',
			},
			{
				displayName: 'External ID From',
				name: 'externalIdFrom',
				type: 'options',
				options: [
					{ name: 'SS 12000 Person ID', value: 'id', description: "The person's ID (a UUID)" },
					{
						name: 'External Identifier',
						value: 'externalIdentifier',
						description: 'The value of the external identifier with the context given below',
					},
					{
						name: 'EduPersonPrincipalName',
						value: 'eppn',
						description: "The person's first eduPersonPrincipalName",
					},
				],
				default: 'id',
				description:
					'Which value becomes externalId, the key the sync matches people by. Do not change it once a sync runs.',
			},
			{
				displayName: 'Lower-Case Email',
				name: 'lowerCaseEmail',
				type: 'boolean',
				default: true,
				description:
					'Whether to write e-mail addresses in lower case, so they compare equal however they are spelled',
			},
			{
				displayName: 'People Without Email',
				name: 'withoutEmail',
				type: 'options',
				options: [
					{
						name: 'Keep in Main Output (Flagged)',
						value: 'keep',
						description: 'They come out with the others, with emailMissing true',
					},
					{
						name: 'Send to "No Email" Output',
						value: 'separate',
						description: 'They come out of the second output, with the reason',
					},
				],
				default: 'keep',
				description:
					'Where people without an e-mail of the chosen types go. They are never dropped.',
			},
			{
				displayName: 'Protected Identities',
				name: 'protectedIdentities',
				type: 'options',
				options: [
					{
						name: 'Leave Out',
						value: 'leaveOut',
						description: 'Never put out. Keep this for a phonebook such as GoPublic.',
					},
					{
						name: 'Include Without Name',
						value: 'includeWithoutName',
						description:
							'Put out with ID, e-mail and school, but no name, so no summary or target shows it',
					},
				],
				default: 'leaveOut',
				description:
					'People whose securityMarking is not "Ingen" (protected personal data). Include them only where the school has decided they need an account.',
			},
			{
				displayName: 'Staff Email Types',
				name: 'staffEmailTypes',
				type: 'string',
				default: 'Skola personal',
				description:
					'E-mail types for staff, in order, comma-separated (first found wins), such as Skola personal, Arbete övrigt. Privat is used only if you add it.',
			},
			{
				displayName: 'Student Email Types',
				name: 'studentEmailTypes',
				type: 'string',
				default: 'Skola elev',
				description:
					'E-mail types for students, in order, comma-separated (first found wins). Privat is used only if you add it.',
			},
		],
	},
];

export const description = displayOnlyFor(
	{ resource: ['person'], operation: ['getAll'] },
	properties,
);

const ROLES: Record<string, Role[]> = {
	both: ['student', 'teacher'],
	student: ['student'],
	teacher: ['teacher'],
};

function personOptions(
	context: IExecuteFunctions,
	options: IDataObject,
	schoolUnitIds: string[],
): PersonOptions {
	const externalIdFrom = (options.externalIdFrom as ExternalIdSource) ?? 'id';
	const externalIdContext = String(options.externalIdContext ?? '').trim();
	if (externalIdFrom === 'externalIdentifier' && externalIdContext === '') {
		throw new NodeOperationError(context.getNode(), 'No external ID context given', {
			description:
				'External ID From is "External Identifier": enter its context in "External ID Context" (ask the provider which one carries the IDs you need)',
			itemIndex: 0,
		});
	}
	const types = (value: unknown, fallback: string) => {
		const list = orderedTextList(value ?? fallback);
		return list.length > 0 ? list : [fallback];
	};
	return {
		externalIdFrom,
		externalIdContext,
		emailTypes: {
			student: types(options.studentEmailTypes, DEFAULT_EMAIL_TYPES.student),
			teacher: types(options.staffEmailTypes, DEFAULT_EMAIL_TYPES.teacher),
		},
		lowerCaseEmail: options.lowerCaseEmail !== false,
		protectedIdentities: (options.protectedIdentities as ProtectedIdentities) ?? 'leaveOut',
		schoolUnitIds,
		today: new Date().toISOString().slice(0, 10),
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const schoolIds = idListFrom(this.getNodeParameter('schoolIds', 0, []));
	if (schoolIds.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No school unit chosen', {
			description:
				'Pick the school units to read in "School Unit Names or IDs", or give their IDs by expression',
			itemIndex: 0,
		});
	}
	const settings = personOptions(this, options, schoolIds);
	const roles = ROLES[this.getNodeParameter('roles', 0) as string] ?? ROLES.both;
	const session = await openSession(this);

	const personLists = schoolIds.flatMap((schoolId) => roles.map((role) => ({ schoolId, role })));
	const lists: PersonList[] = await mapConcurrently(
		personLists,
		CONCURRENT_LISTS,
		async ({ schoolId, role }) => ({ role, persons: await listPersonsOf(session, schoolId, role) }),
	);
	const classOf = new Map<string, string>();
	if (roles.includes('student')) {
		const classes = await mapConcurrently(schoolIds, CONCURRENT_LISTS, (id) =>
			listGroupsOf(session, id, CLASS_GROUP_TYPE),
		);
		for (const group of classes.flat())
			for (const membership of group.groupMemberships ?? [])
				if (membership.person?.id && !classOf.has(membership.person.id))
					classOf.set(membership.person.id, group.displayName ?? '');
	}
	const merged = mergePersons(lists, settings, classOf);
	let people = merged.people;
	if (!this.getNodeParameter('returnAll', 0, true))
		people = people.slice(0, this.getNodeParameter('limit', 0) as number);
	reportPushBack(this, 'SS 12000', session.stats);
	if (merged.protectedLeftOut > 0) {
		this.addExecutionHints({
			message: `${merged.protectedLeftOut} people with a protected identity were left out (option "Protected Identities").`,
			type: 'info',
			location: 'outputPane',
		});
	}

	const toItem = (json: PersonItem | IDataObject): INodeExecutionData => ({
		json: json as IDataObject,
		pairedItem: { item: 0 },
	});
	if (options.withoutEmail !== 'separate') return [people.map(toItem), []];
	return [
		people.filter((p) => !p.emailMissing).map(toItem),
		people.filter((p) => p.emailMissing).map((p) => toItem({ ...p, reason: NO_EMAIL_REASON })),
	];
}
