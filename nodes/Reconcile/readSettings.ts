import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { keyList } from '../shared/approvalCode';
import { DEFAULT_DELETION_LIMITS, type DeletionGuardLimits } from '../shared/deletionGuard';
import { overLimitPolicy, type OverLimitPolicy } from '../shared/guardOptions';
import { RECONCILE_OPTION_NAMES } from './parameters';
import type { FieldMapping, PlanOptions } from './planChanges';

export interface ReconcileSettings {
	plan: PlanOptions;
	targetIdField: string;
	allowMassDeletion: boolean;
	/** A guard stop becomes a "stopped" item on Skipped instead of an error. */
	reportGuardStop: boolean;
	deletionLimits: DeletionGuardLimits;
	/** Plan and guard as a real run would, and write nothing. */
	previewOnly: boolean;
	whenOverLimit: OverLimitPolicy;
	approveHeldRemovals: string;
	/** Removals held on earlier nights: key → the code they were held under (undefined: not kept). */
	heldEarlier?: Map<string, string>;
	/** Limit the run to these keys (empty: everyone). */
	onlyTheseKeys: string[];
}

interface Options {
	allowMassDeletion?: boolean;
	approveHeldRemovals?: string;
	heldEarlier?: unknown;
	ignoreKeyCase?: boolean;
	ignoreTargetsWithoutKey?: boolean;
	maxDeletions?: number;
	maxDeletionPercent?: number;
	normalizeUnicode?: boolean;
	onlyTheseKeys?: string;
	previewOnly?: boolean;
	removedFlagField?: string;
	reportGuardStop?: boolean;
	treatEmptyAsMissing?: boolean;
	uniqueSourceFields?: string;
	whenOverLimit?: string;
}

/** "Held Earlier": rows with `key` and `code`, as a Data table node read them; empty rows are skipped. */
function readHeldEarlier(
	context: IExecuteFunctions,
	raw: unknown,
): Map<string, string> | undefined {
	if (raw === undefined || raw === '') return undefined;
	let rows: unknown = raw;
	if (typeof raw === 'string') {
		try {
			rows = JSON.parse(raw);
		} catch {
			rows = undefined;
		}
	}
	if (!Array.isArray(rows) || rows.some((row) => !row || typeof row !== 'object')) {
		throw new NodeOperationError(
			context.getNode(),
			`"${RECONCILE_OPTION_NAMES.heldEarlier}" must be rows with "key" and "code" (a list of objects)`,
		);
	}
	const held = new Map<string, string>();
	for (const row of rows as IDataObject[]) {
		if (typeof row.key === 'string' && typeof row.code === 'string')
			held.set(row.key, row.code.toLowerCase());
	}
	return held;
}

/** The node's parameters, read once (they hold no per-item expressions worth evaluating per item). */
export function readSettings(context: IExecuteFunctions): ReconcileSettings {
	const text = (name: string, displayName: string) => {
		const value = String(context.getNodeParameter(name, 0, '')).trim();
		if (value === '') {
			throw new NodeOperationError(
				context.getNode(),
				`"${displayName}" is empty: enter a field name`,
			);
		}
		return value;
	};
	const options = context.getNodeParameter('options', 0, {}) as Options;
	const rows = context.getNodeParameter('fieldsToCompare.fields', 0, []) as IDataObject[];
	const fields = rows.map((row, index): FieldMapping => {
		const sourceField = String(row.sourceField ?? '').trim();
		const targetField = String(row.targetField ?? '').trim();
		if (sourceField === '' || targetField === '') {
			throw new NodeOperationError(
				context.getNode(),
				`Fields to Compare, row ${index + 1}: both "Source Field" and "Target Field" need a field name`,
			);
		}
		return { sourceField, targetField, ignoreCase: row.ignoreCase === true };
	});
	const targetIdField = text('targetIdField', 'Target ID Field');
	return {
		plan: {
			sourceKeyField: text('sourceKeyField', 'Source Key Field'),
			targetKeyField: text('targetKeyField', 'Target Key Field'),
			ignoreKeyCase: options.ignoreKeyCase ?? false,
			fields,
			treatEmptyAsMissing: options.treatEmptyAsMissing ?? true,
			ignoreTargetsWithoutKey: options.ignoreTargetsWithoutKey ?? true,
			removedFlagField: options.removedFlagField?.trim() || undefined,
			normalizeUnicode: options.normalizeUnicode ?? false,
			uniqueSourceFields: (options.uniqueSourceFields ?? '')
				.split(',')
				.map((field) => field.trim())
				.filter((field) => field !== ''),
			targetIdField,
		},
		targetIdField,
		allowMassDeletion: options.allowMassDeletion ?? false,
		reportGuardStop: options.reportGuardStop ?? false,
		deletionLimits: {
			maxDeletions: options.maxDeletions ?? DEFAULT_DELETION_LIMITS.maxDeletions,
			maxDeletionPercent: options.maxDeletionPercent ?? DEFAULT_DELETION_LIMITS.maxDeletionPercent,
		},
		previewOnly: options.previewOnly === true,
		whenOverLimit: overLimitPolicy(options.whenOverLimit),
		approveHeldRemovals: String(options.approveHeldRemovals ?? ''),
		heldEarlier: readHeldEarlier(context, options.heldEarlier),
		onlyTheseKeys: keyList(options.onlyTheseKeys),
	};
}
