/**
 * The output of a write: the user as Learnifier holds it after the write, plus `_sync`, a small
 * record a run summary can count: `{ action, ...details }` (see SyncAction).
 */
import type { IDataObject } from 'n8n-workflow';

import type { SyncAction } from './types';

export function withSyncResult(user: IDataObject, action: SyncAction, details: IDataObject = {}): IDataObject {
	return { ...user, _sync: { action, ...details } };
}
