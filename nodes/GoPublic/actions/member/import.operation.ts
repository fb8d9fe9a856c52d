import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { buildMember, uuidsOf } from '../../helpers/buildMember';
import type { MemberPayload } from '../../transport/apiContract';
import { sendMembers } from '../../transport/sendMembers';
import { lockLeavers, planLeaverLocks, rememberThisRun, uuidsToUnlock, type LeaverPlan } from './lockMembersThatLeft';
import { additionalFieldsParameter, requiredFieldParameters } from './memberFieldParameters';
import type { MemberResultRow } from './memberResults';
import { toOutputItems } from './memberResults';
import { batchSizeOption, leaverOptions, readImportOptions } from './options';

const properties: INodeProperties[] = [
	{
		displayName:
			'Each input item becomes one GoPublic member. Every member is checked before anything is sent; members with a missing or invalid field are reported (item, uuid, field, reason) and the others are still imported. With "Continue On Fail" off, the run then fails with the list of those members; with it on, they come out as items with an "error" field.',
		name: 'importNotice',
		type: 'notice',
		default: '',
	},
	...requiredFieldParameters,
	additionalFieldsParameter,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...leaverOptions.slice(0, 1), batchSizeOption, ...leaverOptions.slice(1)],
	},
];

export const description: INodeProperties[] = properties.map((property) => ({
	...property,
	displayOptions: { show: { resource: ['member'], operation: ['import'] } },
}));

function mappedFields(context: IExecuteFunctions, itemIndex: number): Record<string, unknown> {
	const mapped: Record<string, unknown> = {};
	for (const { name } of requiredFieldParameters) mapped[name] = context.getNodeParameter(name, itemIndex, '');
	return {
		...mapped,
		...(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const options = readImportOptions(this.getNodeParameter('options', 0, {}) as IDataObject);
	const rows: MemberResultRow[] = [];
	const toSend: { row: MemberResultRow; member: MemberPayload }[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const mapped = mappedFields(this, itemIndex);
		const built = buildMember(mapped);
		const row: MemberResultRow = {
			itemIndex,
			uuids: uuidsOf(mapped),
			status: 'failed',
		};
		rows.push(row);
		if ('problems' in built) row.message = built.problems.join('; ');
		else toSend.push({ row, member: built.member });
	}

	// Everything that can stop the run happens before the first request.
	let leaverPlan: LeaverPlan | undefined;
	if (options.lockMembersThatLeft) {
		leaverPlan = planLeaverLocks(
			this,
			rows.map((row) => row.uuids).filter((uuids) => uuids.length > 0),
			options,
		);
	}

	const unlock = leaverPlan ? uuidsToUnlock(leaverPlan) : new Set<string>();
	for (const { member } of toSend) {
		if (member.uuids.some((uuid) => unlock.has(uuid))) member.lockForDeletion = false;
	}

	const report = await sendMembers(
		this,
		toSend.map(({ member }) => member),
		{
			batchSize: options.batchSize,
			action: 'Importing members',
			stopOnRefusedBatch: !this.continueOnFail(),
		},
	);
	toSend.forEach(({ row, member }, i) => {
		Object.assign(row, report.outcomes[i], { extra: { name: member.name } });
	});

	const leaverItems: INodeExecutionData[] = [];
	if (leaverPlan) {
		const locked = await lockLeavers(this, leaverPlan, options);
		leaverItems.push(...locked.items);
		const unlocked = new Set(
			toSend
				.filter(({ row, member }) => member.lockForDeletion === false && row.status !== 'failed')
				.flatMap(({ member }) => member.uuids),
		);
		if (report.everyBatchAnswered && locked.allAnswered) rememberThisRun(leaverPlan, locked.locked, unlocked);
	}
	return [...toOutputItems(this, rows), ...leaverItems];
}
