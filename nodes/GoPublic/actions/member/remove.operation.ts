import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { forRecord, skippedOutcome } from '../../../shared/syncOutcome';
import { describeMember, uuidsOf } from '../../helpers/buildMember';
import { sendMembers } from '../../transport/sendMembers';
import { DEFAULT_BATCH_SIZE } from '../../helpers/importOptions';
import { toOutputItems, type MemberResultRow } from '../../helpers/memberResults';
import { displayOnlyFor } from '../../../shared/displayOptions';
import { newRequestStats } from '../../../shared/http/sendWithRetry';
import { reportPushBack } from '../../../shared/reportPushBack';
import { batchSizeOption } from './options.description';

const properties: INodeProperties[] = [
	{
		displayName: 'UUIDs',
		name: 'uuids',
		type: 'string',
		default: '={{ $json.UUID ?? $json.uuids ?? $json.externalId }}',
		required: true,
		description:
			'Any of the IDs of the member to remove; a list or |-separated text. GoPublic locks the member now and deletes it after 30 days.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [batchSizeOption],
	},
];

export const description = displayOnlyFor(
	{ resource: ['member'], operation: ['remove'] },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const stats = newRequestStats();
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const rows: MemberResultRow[] = items.map((_, itemIndex) => ({
		itemIndex,
		uuids: uuidsOf({ uuids: this.getNodeParameter('uuids', itemIndex, '') }),
		outcome: skippedOutcome(
			{ itemIndex, field: 'uuids' },
			'"uuids" is required: give the member\'s uuid',
		),
	}));
	const toLock = rows.filter((row) => row.uuids.length > 0);
	const report = await sendMembers(
		this,
		toLock.map(({ uuids }) => ({ uuids, lockForDeletion: true })),
		{
			batchSize: Number(options.batchSize ?? DEFAULT_BATCH_SIZE),
			action: 'Removing members',
			stopOnRefusedBatch: !this.continueOnFail(),
			stats,
		},
	);
	toLock.forEach((row, i) => {
		row.outcome = forRecord(report.outcomes[i], {
			itemIndex: row.itemIndex,
			record: describeMember(row.uuids),
		});
	});
	reportPushBack(this, 'GoPublic', stats);
	return [toOutputItems(this, rows)];
}
