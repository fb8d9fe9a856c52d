import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import {
	forRecord,
	markedAsPreview,
	previewOutcome,
	skippedOutcome,
	stoppedOutcome,
	withOutcome,
} from '../../../shared/syncOutcome';
import { buildMember, describeMember, uuidsOf, type EmptyFields } from '../../helpers/buildMember';
import type { MemberProblem } from '../../helpers/memberSchema';
import { inputFieldOf } from '../../helpers/inputFieldOf';
import { mappedFieldReader } from '../../helpers/mappedFields';
import type { MemberPayload } from '../../transport/apiContract';
import { sendMembers } from '../../transport/sendMembers';
import { readImportOptions } from '../../helpers/importOptions';
import { planLeaverLocks, type LeaverPlan } from '../../helpers/leaverPlan';
import { changeLocks, type LeaverNight } from '../../helpers/leaverNight';
import { wouldLock } from '../../helpers/lockChanges';
import { heldItems, memoryOfOnly, onlyTheseMembers } from '../../helpers/previewAndHold';
import { memoryStoreFor } from '../../helpers/memberMemory';
import { toOutputItems, type MemberResultRow } from '../../helpers/memberResults';
import { displayOnlyFor } from '../../../shared/displayOptions';
import { newRequestStats } from '../../../shared/http/sendWithRetry';
import { reportPushBack } from '../../../shared/reportPushBack';
import { additionalFieldsParameter, requiredFieldParameters } from './fields.description';
import {
	batchSizeOption,
	emptyFieldsOption,
	leaverOptions,
	previewOptions,
	recordLabelOption,
} from './options.description';

const properties: INodeProperties[] = [
	{
		displayName:
			'Each input item becomes one GoPublic member. Members the input cannot complete (e.g. no e-mail) are skipped with the reason; the others are still imported.',
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
		options: [
			...leaverOptions,
			...previewOptions,
			batchSizeOption,
			emptyFieldsOption,
			recordLabelOption,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = displayOnlyFor(
	{ resource: ['member'], operation: ['import'] },
	properties,
);

/** A reason about a member field, with the input field the admin mapped to it: `... (from "EmailAddress")`. */
function withInputField(
	context: IExecuteFunctions,
	field: string | undefined,
	reason: string,
): string {
	if (field === undefined) return reason;
	const parameters = context.getNode().parameters;
	const from = inputFieldOf(
		parameters[field] ?? (parameters.additionalFields as IDataObject | undefined)?.[field],
	);
	return from === undefined || from === field ? reason : `${reason} (from "${from}")`;
}

const problemText = (context: IExecuteFunctions, problem: MemberProblem) =>
	withInputField(context, problem.field, problem.message);

/** How the summary names a member: the admin's Record Label (if any), its uuid and name. */
function recordOf(
	context: IExecuteFunctions,
	itemIndex: number,
	uuids: string[],
	name?: string,
): string {
	const label = String(context.getNodeParameter('options.recordLabel', itemIndex, '') ?? '').trim();
	const member = describeMember(uuids, name);
	return label ? `${label}, ${member}` : member;
}

interface ToSend {
	row: MemberResultRow;
	member: MemberPayload;
}

/** One row per item; the members that can be sent, the others skipped with every reason. */
function readMembers(
	context: IExecuteFunctions,
	emptyFields: EmptyFields,
): { rows: MemberResultRow[]; toSend: ToSend[] } {
	const rows: MemberResultRow[] = [];
	const toSend: ToSend[] = [];
	const mappedFields = mappedFieldReader(
		context,
		requiredFieldParameters.map(({ name }) => name),
	);
	context.getInputData().forEach((_, itemIndex): void => {
		const mapped = mappedFields(itemIndex);
		const uuids = uuidsOf(mapped);
		const name =
			typeof mapped.name === 'string' && mapped.name.trim() ? mapped.name.trim() : undefined;
		const built = buildMember(mapped, emptyFields);
		const row: MemberResultRow = {
			itemIndex,
			uuids,
			name,
			record: recordOf(context, itemIndex, uuids, name),
			outcome: { action: 'sent' },
		};
		rows.push(row);
		if ('member' in built) {
			toSend.push({ row, member: built.member });
			return;
		}
		const reason = built.problems.map((problem) => problemText(context, problem)).join('; ');
		row.outcome = skippedOutcome(
			{ itemIndex, record: row.record, field: built.problems[0].field },
			reason,
		);
	});
	return { rows, toSend };
}

/** The guard held the night back: nothing is sent, and the night must end red (a preview reports it). */
function stopItems(
	context: IExecuteFunctions,
	stop: { violation: string; description: string },
	preview: boolean,
): INodeExecutionData[] {
	if (!context.continueOnFail() && !preview) {
		throw new NodeOperationError(context.getNode(), stop.violation, {
			description: stop.description,
		});
	}
	const pairedItem = context.getInputData().map((_, item) => ({ item }));
	const outcome = stoppedOutcome(`${stop.violation} ${stop.description}`);
	return [{ json: withOutcome({}, preview ? previewOutcome(outcome) : outcome), pairedItem }];
}

/** A preview: what each member and leaver would get, with nothing sent and nothing remembered. */
function previewItems(
	context: IExecuteFunctions,
	rows: MemberResultRow[],
	toSend: ToSend[],
	leaverPlan: LeaverPlan | undefined,
): INodeExecutionData[] {
	for (const { row } of toSend)
		row.outcome = forRecord(
			{ action: 'wouldSend' },
			{ itemIndex: row.itemIndex, record: row.record },
		);
	const leavers = leaverPlan
		? [...wouldLock(context, leaverPlan.leavers), ...heldItems(context, leaverPlan)]
		: [];
	return markedAsPreview([...toOutputItems(context, rows), ...leavers]);
}

/** No member in the input: a source that could not be read, never a night that locks everyone. */
function emptySourceItems(context: IExecuteFunctions): INodeExecutionData[] {
	const source = context.getInputSourceData?.()?.previousNode;
	const from = source ? `"${source}"` : 'the node before this one';
	const stop = {
		violation: `The source is empty: ${from} put out no members.`,
		description:
			'Nothing was sent to GoPublic and nobody was locked. An empty source usually means it could not be read (a wrong school list, an empty or cut-off file).',
	};
	return stopItems(context, stop, false);
}

const isEmptyInput = (rows: MemberResultRow[]) => rows.every((row) => row.uuids.length === 0);

/** Outputs: the members' results, and the memory for a Data table node to save (helpers/memberMemory.ts). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const options = readImportOptions(
		this.getNodeParameter('options', 0, {}) as IDataObject,
		this.getNode().typeVersion,
	);
	const onlyThese = options.onlyTheseUuids;
	const read = readMembers(this, options.emptyFields);
	if (isEmptyInput(read.rows)) return [emptySourceItems(this), []];
	const rows = onlyTheseMembers(read.rows, (row) => row.uuids, onlyThese);
	const toSend = onlyTheseMembers(read.toSend, ({ row }) => row.uuids, onlyThese);
	const preview = options.previewOnly;
	const stats = newRequestStats();
	const active = this.getMode() !== 'manual' && !preview;

	// Everything that can stop the run happens before the first request.
	let leavers: LeaverNight | undefined;
	if (options.lockMembersThatLeft) {
		const store = memoryStoreFor(this, options.memoryStore);
		const remembered = store.read();
		const planned = planLeaverLocks(
			memoryOfOnly(remembered.memory, onlyThese),
			rows.map((row) => row.uuids).filter((uuids) => uuids.length > 0),
			options,
			active,
		);
		if ('violation' in planned) return [stopItems(this, planned, preview), []];
		leavers = { plan: planned, store, remembered };
	}
	if (preview) return [previewItems(this, rows, toSend, leavers?.plan), []];

	// Fail safe: every member sent is sent unlocked, unless its own row says to lock it, as
	// GoPublic's own import script does. A lock the memory lost can never outlive a night.
	if (leavers) {
		for (const { member } of toSend) member.lockForDeletion ??= false;
	}

	const report = await sendMembers(
		this,
		toSend.map(({ member }) => member),
		{
			batchSize: options.batchSize,
			action: 'Importing members',
			stopOnRefusedBatch: !this.continueOnFail(),
			stats,
		},
	);
	toSend.forEach(({ row }, i) => {
		const outcome = forRecord(report.outcomes[i], { itemIndex: row.itemIndex, record: row.record });
		if (outcome.action === 'failed' && outcome.reason)
			outcome.reason = withInputField(this, outcome.field, outcome.reason);
		row.outcome = outcome;
	});

	let leaverItems: INodeExecutionData[] = [];
	let memoryToSave: INodeExecutionData[] = [];
	if (leavers) {
		const night = await changeLocks(
			this,
			leavers,
			options,
			rows,
			toSend,
			report.everyBatchAnswered,
			stats,
		);
		leaverItems = night.items;
		memoryToSave = night.memoryToSave;
	}
	reportPushBack(this, 'GoPublic', stats);
	return [[...toOutputItems(this, rows), ...leaverItems], memoryToSave];
}
