import type { INodeProperties } from 'n8n-workflow';

import { deletionLimitOptions } from '../shared/deletionLimitOptions';
import {
	approveHeldRemovalsOption,
	previewOnlyOption,
	whenOverLimitOption,
} from '../shared/guardOptions';

/** Option names as the admin sees them; messages name options by these. */
export const RECONCILE_OPTION_NAMES = {
	allowMassDeletion: 'Allow Mass Deletion',
	heldEarlier: 'Held Earlier',
	maxDeletions: 'Max Deletions',
	maxDeletionPercent: 'Max Deletion Percentage',
	reportGuardStop: 'Report a Guard Stop to Sync Summary',
} as const;

const outputShapes =
	'Connect Source (what should exist) to the first input and Target (what exists now) to the second. ' +
	'Each record comes out on Create, Update, Delete, Unchanged or Skipped, with the changed fields.';

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
			'The source field that identifies the person (dots for nested fields). Spaces around it are ignored and numbers count as text.',
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
				displayName: RECONCILE_OPTION_NAMES.allowMassDeletion,
				name: 'allowMassDeletion',
				type: 'boolean',
				default: false,
				description:
					'Whether to allow removing more than the limits below. Off: such a run stops, because a much smaller source is usually a failed read.',
			},
			approveHeldRemovalsOption('removals'),
			{
				displayName: RECONCILE_OPTION_NAMES.heldEarlier,
				name: 'heldEarlier',
				type: 'json',
				default: '',
				description:
					'Rows with "key" and "code" of removals held on earlier nights, e.g. from a Data table. An approval then lets the approved through and judges removals since on their own.',
			},
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
					displayName: RECONCILE_OPTION_NAMES.maxDeletions,
					name: 'maxDeletions',
					description:
						'Stop the run when it would delete more target records than this. Turn on "Allow Mass Deletion" to skip the check.',
				},
				{
					displayName: RECONCILE_OPTION_NAMES.maxDeletionPercent,
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
					'A target field that is true on records an earlier run locked (Learnifier: hardLock). They are not removed again, and are unlocked when the person is back.',
			},
			{
				displayName: RECONCILE_OPTION_NAMES.reportGuardStop,
				name: 'reportGuardStop',
				type: 'boolean',
				default: false,
				description:
					'Whether a guard stop puts one "stopped" item on Skipped instead of failing here. Sync Summary then fails the night with the numbers.',
			},
			{
				displayName: 'Source Fields That Must Be Unique',
				name: 'uniqueSourceFields',
				type: 'string',
				default: '',
				placeholder: 'e.g. email',
				description:
					'Comma-separated source fields the target needs unique, ignoring case (e.g. email). Records that share a value are skipped with the reason.',
			},
			{
				displayName: 'Treat Empty as Missing',
				name: 'treatEmptyAsMissing',
				type: 'boolean',
				default: true,
				description:
					'Whether empty text counts as no value, like a missing field. On: a field missing on one side and empty on the other is not a change.',
			},
			whenOverLimitOption('removals'),
		],
	},
];
