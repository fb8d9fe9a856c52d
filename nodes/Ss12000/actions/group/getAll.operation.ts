import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { displayOnlyFor } from '../../../shared/displayOptions';
import { mapConcurrently } from '../../../shared/http/mapConcurrently';
import { reportPushBack } from '../../../shared/reportPushBack';
import { idListFrom } from '../../helpers/idList';
import { listGroupsOf } from '../../transport/listGroups';
import { openSession } from '../../transport/ss12000Session';
import { returnAllAndLimit, schoolUnitsField } from '../common.description';

const properties: INodeProperties[] = [
	{
		displayName:
			'One item per group, with ID, name, groupType, schoolUnitId and memberIds (SS 12000 person IDs)',
		name: 'groupOutputNotice',
		type: 'notice',
		default: '',
	},
	schoolUnitsField,
	{
		displayName: 'Group Type',
		name: 'groupType',
		type: 'options',
		options: [
			{ name: 'All Types', value: '' },
			{ name: 'Avdelning', value: 'Avdelning' },
			{ name: 'Klass', value: 'Klass' },
			{ name: 'Mentor', value: 'Mentor' },
			{ name: 'Övrigt', value: 'Övrigt' },
			{ name: 'Personalgrupp', value: 'Personalgrupp' },
			{ name: 'Provgrupp', value: 'Provgrupp' },
			{ name: 'Schema', value: 'Schema' },
			{ name: 'Undervisning', value: 'Undervisning' },
		],
		default: 'Klass',
		description: 'Which groups to read. Klass is a class.',
	},
	...returnAllAndLimit('groups'),
];

export const description = displayOnlyFor(
	{ resource: ['group'], operation: ['getAll'] },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const schoolIds = idListFrom(this.getNodeParameter('schoolIds', 0, []));
	if (schoolIds.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No school unit chosen', {
			description: 'Pick the school units in "School Unit Names or IDs", or give their IDs',
			itemIndex: 0,
		});
	}
	const groupType = this.getNodeParameter('groupType', 0, '') as string;
	const session = await openSession(this);
	const perUnit = await mapConcurrently(schoolIds, 4, (id) =>
		listGroupsOf(session, id, groupType || undefined),
	);
	let groups = perUnit.flatMap((list, index) =>
		list.map((group) => {
			const memberIds = (group.groupMemberships ?? [])
				.map((membership) => membership.person?.id)
				.filter((id): id is string => typeof id === 'string' && id !== '');
			return {
				id: group.id,
				name: group.displayName ?? '',
				groupType: group.groupType ?? null,
				schoolUnitId: schoolIds[index],
				memberIds: [...new Set(memberIds)],
				memberCount: new Set(memberIds).size,
			};
		}),
	);
	if (!this.getNodeParameter('returnAll', 0, true))
		groups = groups.slice(0, this.getNodeParameter('limit', 0) as number);
	reportPushBack(this, 'SS 12000', session.stats);
	return [groups.map((json) => ({ json, pairedItem: { item: 0 } })), []];
}
