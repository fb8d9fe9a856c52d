import type { INodeProperties } from 'n8n-workflow';

import { deletionLimitOptions } from '../shared/deletionLimitOptions';
import {
	approveHeldRemovalsOption,
	previewOnlyOption,
	whenOverLimitOption,
} from '../shared/guardOptions';

export const OPTION_NAMES = {
	allowMassDeletion: 'Allow Mass Deletion',
	maxDeletions: 'Max Deletions',
	maxDeletionPercent: 'Max Deletion Percentage',
	reportGuardStop: 'Report a Guard Stop to Sync Summary',
} as const;

const outputShapes =
	'Connect Source (what should exist, e.g. Admentum) to the first input and Target (what exists now, ' +
	'e.g. Learnifier) to the second. Outputs: ' +
	'<b>Create</b> – the source record plus <code>key</code>. ' +
	'<b>Update</b> – <code>key</code>, <code>targetId</code>, <code>update</code> (only the changed target ' +
	'fields with their new values, ready to send), <code>changes</code> (per target field ' +
	'<code>{from, to}</code>), <code>changedFields</code>, <code>source</code> and <code>target</code>. ' +
	'<b>Delete</b> – the target record plus <code>key</code> and <code>targetId</code>. ' +
	'<b>Unchanged</b> – <code>key</code>, <code>targetId</code>, <code>source</code> and <code>target</code>. ' +
	'Unchanged and Skipped items also carry <code>_sync</code>, which the Sync Summary node counts. ' +
	'<b>Skipped</b> – records that cannot be matched safely (no key, or a key held by several records): ' +
	'<code>side</code>, <code>key</code>, <code>reason</code>, <code>record</code>.';

export const reconcileProperties: INodeProperties[] = [
	{
		displayName: outputShapes,
		name: 'outputsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Source Key Field',
		name: 'sourceKeyField',
		type: 'string',
		default: 'externalId',
		required: true,
		placeholder: 'e.g. externalId',
		description:
			'The field of a source record that identifies the person. Surrounding spaces are ignored; numbers count as text. Use dots for nested fields.',
		requiresDataPath: 'single',
	},
	{
		displayName: 'Target Key Field',
		name: 'targetKeyField',
		type: 'string',
		default: 'externalId',
		required: true,
		placeholder: 'e.g. externalId',
		description:
			'The field of a target record that holds the same value as the source key field. Target records whose key equals a source key are the same person.',
		requiresDataPath: 'single',
	},
	{
		displayName: 'Target ID Field',
		name: 'targetIdField',
		type: 'string',
		default: 'id',
		description:
			'The field holding the target system\'s own ID, copied to "targetId" on Update, Delete and Unchanged items so the next node knows which record to change',
		requiresDataPath: 'single',
	},
	{
		displayName: 'Fields to Compare',
		name: 'fieldsToCompare',
		type: 'fixedCollection',
		placeholder: 'Add Field to Compare',
		typeOptions: { multipleValues: true },
		description:
			'A matched pair is an update when any of these fields differ, and only these fields are sent as changes. Fields not listed here are never compared.',
		default: {
			fields: [
				{ sourceField: 'firstName', targetField: 'firstName', ignoreCase: false },
				{ sourceField: 'lastName', targetField: 'lastName', ignoreCase: false },
				{ sourceField: 'email', targetField: 'primaryEmail', ignoreCase: true },
			],
		},
		options: [
			{
				displayName: 'Field',
				name: 'fields',
				values: [
					{
						displayName: 'Source Field',
						name: 'sourceField',
						type: 'string',
						default: '',
						placeholder: 'e.g. email',
						description: 'Field name in the source records; use dots for nested fields',
						requiresDataPath: 'single',
					},
					{
						displayName: 'Target Field',
						name: 'targetField',
						type: 'string',
						default: '',
						placeholder: 'e.g. primaryEmail',
						description:
							'Field name in the target records that should hold the same value; use dots for nested fields (e.g. prefs.locale)',
						requiresDataPath: 'single',
					},
					{
						displayName: 'Ignore Case',
						name: 'ignoreCase',
						type: 'boolean',
						default: false,
						description:
							'Whether "Anna@School.se" and "anna@school.se" count as the same value (turn on for e-mail addresses)',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: OPTION_NAMES.allowMassDeletion,
				name: 'allowMassDeletion',
				type: 'boolean',
				default: false,
				description:
					'Whether to let a run delete more than the limits below, or everything when the source is empty. By default such a run stops before any node after this one runs, because a much smaller source is usually a failed read.',
			},
			approveHeldRemovalsOption('removals'),
			{
				displayName: 'Ignore Case of Keys',
				name: 'ignoreKeyCase',
				type: 'boolean',
				default: false,
				description:
					'Whether keys that differ only in upper and lower case ("ABC1" and "abc1") belong to the same person',
			},
			{
				displayName: 'Ignore Target Records Without Key',
				name: 'ignoreTargetsWithoutKey',
				type: 'boolean',
				default: true,
				description:
					'Whether target records with an empty key field are left alone (typically admins created by hand). When off, they appear on the Skipped output with the reason.',
			},
			...deletionLimitOptions(
				{
					displayName: OPTION_NAMES.maxDeletions,
					name: 'maxDeletions',
					description:
						'Stop the run when it would delete more target records than this. Turn on "Allow Mass Deletion" to skip the check.',
				},
				{
					displayName: OPTION_NAMES.maxDeletionPercent,
					name: 'maxDeletionPercent',
					description:
						'Stop the run when it would delete more than this percentage of the target records that have a key',
				},
			),
			{
				displayName: 'Normalize Unicode (NFC)',
				name: 'normalizeUnicode',
				type: 'boolean',
				default: false,
				description:
					'Whether to compare text in Unicode NFC and send it in NFC, so the same name typed on a Mac and on Windows counts as unchanged',
			},
			{
				displayName: 'Only These Keys',
				name: 'onlyTheseKeys',
				type: 'string',
				default: '',
				placeholder: 'e.g. 10377, 10412',
				description:
					'Comma-separated keys: the run handles only these people, on both sides. Empty means everyone.',
			},
			previewOnlyOption,
			{
				displayName: 'Removed Flag Field',
				name: 'removedFlagField',
				type: 'string',
				default: '',
				placeholder: 'e.g. hardLock',
				description:
					'A target field that is true on records an earlier run removed by locking them (Learnifier: hardLock). Such records are not deleted again and do not count toward the deletion limits; when the person is back in the source, the record comes out on Update with this field set to false, so it is unlocked.',
			},
			{
				displayName: OPTION_NAMES.reportGuardStop,
				name: 'reportGuardStop',
				type: 'boolean',
				default: false,
				description:
					'Whether a run the deletion guard stops puts one "stopped" item on Skipped instead of failing here. Nothing is passed on; Sync Summary then fails the night with the numbers.',
			},
			{
				displayName: 'Source Fields That Must Be Unique',
				name: 'uniqueSourceFields',
				type: 'string',
				default: '',
				placeholder: 'e.g. email',
				description:
					'Comma-separated source fields that the target requires to be unique, compared ignoring case (e.g. email in Learnifier). Source records that share a value go to Skipped with the reason, together with their matched target records, so nothing is written for them until the source is corrected.',
			},
			{
				displayName: 'Treat Empty as Missing',
				name: 'treatEmptyAsMissing',
				type: 'boolean',
				default: true,
				description:
					'Whether empty text and text of only spaces count as no value, like a missing field or null, so a field missing on one side and empty on the other is not a change. When off, empty text is a value of its own (a missing field and null are always the same). Either way text is compared without surrounding spaces, and the number 7 equals the text "7".',
			},
			whenOverLimitOption('removals'),
		],
	},
];
