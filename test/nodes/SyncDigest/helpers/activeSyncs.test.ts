import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { readActiveSyncs } from '../../../../nodes/SyncDigest/helpers/activeSyncs';
import { SYNC_RECORD_NODE_TYPE } from '../../../../nodes/shared/syncHistory';
import { listedWorkflow } from '../historyRows';

describe('the published sync workflows', () => {
	it('a sync is a published workflow with an enabled Sync Record node', () => {
		const disabledRecord = {
			...listedWorkflow('wf-3', 'Recording switched off'),
			nodes: [{ name: 'Sync Record', type: SYNC_RECORD_NODE_TYPE, disabled: true }],
		};
		const { syncs, errors } = readActiveSyncs([
			listedWorkflow('wf-1', 'Nightly Admentum → Learnifier'),
			listedWorkflow('wf-2', 'Sync Failed: E-mail the Admin', false),
			disabledRecord,
			{ ...listedWorkflow('wf-4', 'Unpublished'), active: false },
			{ ...listedWorkflow('wf-5', ''), name: undefined },
			listedWorkflow('wf-1', 'Nightly Admentum → Learnifier'),
			{ id: 'wf-6', name: 'No nodes listed' },
		]);
		assert.deepEqual(syncs, [
			{ id: 'wf-1', name: 'Nightly Admentum → Learnifier' },
			{ id: 'wf-5', name: 'Workflow wf-5' },
		]);
		assert.deepEqual(errors, []);
	});

	it('an item with an error (the node continued on error) says why the list is missing', () => {
		const { syncs, errors } = readActiveSyncs([
			{ error: 'Authorization failed - please check your credentials' },
			{ error: { message: 'connect ECONNREFUSED 127.0.0.1:5678' } },
		]);
		assert.deepEqual(syncs, []);
		assert.deepEqual(errors, [
			'Authorization failed - please check your credentials',
			'connect ECONNREFUSED 127.0.0.1:5678',
		]);
	});
});
