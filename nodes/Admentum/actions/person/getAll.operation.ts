import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { mapConcurrently } from '../../../shared/http/mapConcurrently';
import { mergePeople } from '../../helpers/mergePeople';
import { schoolIdsFrom } from '../../helpers/schoolSelection';
import type { ExternalIdSource, PersonItem } from '../../helpers/types';
import { FIELD, type Role } from '../../transport/apiContract';
import { openSession, type VariantChoice } from '../../transport/admentumSession';
import { reportPushBack } from '../../../shared/reportPushBack';
import { listPersonRows } from '../../transport/listPersonRows';
import { apiVariantOption, returnAllAndLimit } from '../common.description';
import { displayOnlyFor } from '../../../shared/displayOptions';

/** Lists read at the same time (one list = one role in one school unit). */
const CONCURRENT_LISTS = 4;

export const NO_EMAIL_REASON = 'No e-mail address in Admentum';

const outputShape =
	'One item per person, with externalId, firstName, lastName, email, role and schoolIds. ' +
	'A person in several schools is one item.';

const properties: INodeProperties[] = [
	{
		displayName: outputShape,
		name: 'personOutputNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Roles',
		name: 'roles',
		type: 'options',
		options: [
			{ name: 'Students and Teachers', value: 'both' },
			{ name: 'Students', value: 'student' },
			{ name: 'Teachers', value: 'teacher' },
		],
		default: 'both',
		description: 'Whom to read',
	},
	{
		displayName: 'School Unit Names or IDs',
		name: 'schoolIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSchools' },
		default: [],
		required: true,
		description:
			'The school units whose people to read. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...returnAllAndLimit('people'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			apiVariantOption,
			{
				displayName: 'External ID From',
				name: 'externalIdFrom',
				type: 'options',
				options: [
					{ name: 'Admentum ID', value: 'id', description: "Admentum's own person ID" },
					{ name: 'EID', value: 'eid', description: 'The eid field' },
					{ name: 'GUID', value: 'guid', description: 'The guid field' },
				],
				default: 'id',
				description:
					'Which Admentum field becomes externalId, the key the sync matches people by. Do not change it once a sync runs.',
			},
			{
				displayName: 'Include Personnummer',
				name: 'includePersonnummer',
				type: 'boolean',
				default: false,
				description:
					'Whether to read the personal identity number into a personnummer field. Turn it on only when a matching rule really needs it.',
			},
			{
				displayName: 'Lower-Case Email',
				name: 'lowerCaseEmail',
				type: 'boolean',
				default: true,
				description:
					'Whether to write e-mail addresses in lower case, so they compare equal however Admentum spells them',
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
					'Where people who have no e-mail address in Admentum go. They are never dropped.',
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

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const externalIdFrom = (options.externalIdFrom as ExternalIdSource) ?? 'id';
	const includePersonnummer = options.includePersonnummer === true;
	const schoolIds = schoolIdsFrom(this.getNodeParameter('schoolIds', 0, []));
	if (schoolIds.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No school unit chosen', {
			description:
				'Pick the school units to read in "School Unit Names or IDs", or give their IDs, e.g. 101,102',
			itemIndex: 0,
		});
	}
	const session = await openSession(this, (options.apiVariant as VariantChoice) ?? 'fromAddress');
	const extraFields = [
		...(externalIdFrom === 'id' ? [] : [FIELD[externalIdFrom]]),
		...(includePersonnummer ? [FIELD.personnummer] : []),
	];
	const lists = schoolIds.flatMap((schoolId) =>
		ROLES[this.getNodeParameter('roles', 0) as string].map((role) => ({ schoolId, role })),
	);
	const rows = await mapConcurrently(lists, CONCURRENT_LISTS, ({ schoolId, role }) =>
		listPersonRows(session, schoolId, role, extraFields),
	);
	let people = mergePeople(rows.flat(), {
		externalIdFrom,
		includePersonnummer,
		lowerCaseEmail: options.lowerCaseEmail !== false,
	});
	if (!this.getNodeParameter('returnAll', 0, true))
		people = people.slice(0, this.getNodeParameter('limit', 0) as number);
	reportPushBack(this, 'Admentum', session.stats);

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
