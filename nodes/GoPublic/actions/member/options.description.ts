import type { INodeProperties } from 'n8n-workflow';

import { deletionLimitOptions } from '../../../shared/deletionLimitOptions';
import { guardOptions } from '../../../shared/guardOptions';
import { DEFAULT_BATCH_SIZE, OPTION_NAMES } from '../../helpers/importOptions';

export const batchSizeOption: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_BATCH_SIZE,
	description: 'How many members are sent to GoPublic in one request',
};

export const leaverOptions: INodeProperties[] = [
	{
		displayName: OPTION_NAMES.allowMassLocking,
		name: 'allowMassLocking',
		type: 'boolean',
		default: false,
		description:
			'Whether to lock more members than the limits below allow. By default such a run stops before anything is sent, because a much smaller input is usually a failed read.',
	},
	{
		displayName: OPTION_NAMES.lockMembersThatLeft,
		name: 'lockMembersThatLeft',
		type: 'boolean',
		default: false,
		description:
			'Whether to lock members earlier runs imported that are missing now (GoPublic deletes them after 30 days). Everyone sent is sent unlocked; only activated runs lock.',
	},
	{
		displayName: OPTION_NAMES.memoryStore,
		name: 'memoryStore',
		type: 'options',
		default: 'dataTable',
		options: [
			{
				name: 'A Data Table (Also in Queue Mode)',
				value: 'dataTable',
				description:
					'Data table nodes read the rows before this node and save the "Memory to Save" output after it',
			},
			{
				name: 'Workflow Static Data (Single Process Only)',
				value: 'staticData',
				description: 'Lost between runs in queue mode, where each worker starts a run with none',
			},
		],
		description: 'Where the members of the last import are remembered, for Lock Members That Left',
	},
	{
		displayName: OPTION_NAMES.rememberedMembers,
		name: 'rememberedMembers',
		type: 'json',
		default: "={{ $('Read Memory').all().map(item => item.json) }}",
		description:
			'For a Data Table: the rows the Data table node read (columns bucket and members; version 1 of this node: uuids, imported, locked)',
	},
	...deletionLimitOptions(
		{
			displayName: OPTION_NAMES.maxLocks,
			name: 'maxLocks',
			description: `Stop the run when it would lock more members that left than this. Turn on "${OPTION_NAMES.allowMassLocking}" to skip the check.`,
		},
		{
			displayName: OPTION_NAMES.maxLockPercent,
			name: 'maxLockPercent',
			description:
				'Stop the run when it would lock more than this percentage of the members remembered from the last run',
		},
	),
];

export const emptyFieldsOption: INodeProperties = {
	displayName: 'Empty Fields',
	name: 'emptyFields',
	type: 'options',
	default: 'leaveOut',
	options: [
		{ name: 'Leave Out', value: 'leaveOut', description: 'GoPublic keeps the value it has' },
		{
			name: 'Clear in GoPublic',
			value: 'clear',
			description:
				"Sent as empty text, false or an empty list, as GoPublic's own import script does",
		},
	],
	description:
		'What a mapped field that is empty for a member does, e.g. a mobile number removed in HR',
};

export const recordLabelOption: INodeProperties = {
	displayName: 'Record Label',
	name: 'recordLabel',
	type: 'string',
	default: '',
	placeholder: 'e.g. CSV line {{ $itemIndex + 2 }}',
	description:
		'How the summary names each member besides its uuid, e.g. the line of the file it came from',
};

/** Preview, the guard's policy for leavers' locks and the approval of held ones, and one-member runs. */
export const previewOptions: INodeProperties[] = [
	...guardOptions('locks'),
	{
		displayName: OPTION_NAMES.onlyTheseUuids,
		name: 'onlyTheseUuids',
		type: 'string',
		default: '',
		placeholder: 'e.g. 10377, 10412',
		description: 'Comma-separated uuids: the run handles only these members. Empty means everyone.',
	},
];
