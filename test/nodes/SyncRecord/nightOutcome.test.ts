import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { nightOutcome } from '../../../nodes/SyncRecord/nightOutcome';
import { summarizeOutcomes } from '../../../nodes/shared/summarizeOutcomes';
import { withOutcome, type SyncOutcome } from '../../../nodes/shared/syncOutcome';

const night = (...outcomes: SyncOutcome[]) =>
	nightOutcome(summarizeOutcomes(outcomes.map((outcome) => withOutcome({}, outcome))));

describe('nightOutcome', () => {
	it('ok when everything went through, also with skipped records', () => {
		assert.deepEqual(night({ action: 'created' }, { action: 'skipped', reason: 'no e-mail' }), {
			outcome: 'ok',
			reason: '',
		});
	});

	it('the worst thing that happened, with its first reason: stopped, refused, held, failed', () => {
		const failed: SyncOutcome = { action: 'failed', reason: 'e-mail taken', item: 3 };
		const refused: SyncOutcome = { action: 'failed', reason: 'wrong key', refusedAsWhole: true };
		const held: SyncOutcome = { action: 'held', reason: '40 removals are too many' };
		const stopped: SyncOutcome = { action: 'stopped', reason: 'The source is empty' };
		assert.deepEqual(night(failed), { outcome: 'failed', reason: 'Item 3: e-mail taken' });
		assert.deepEqual(night(failed, held), { outcome: 'held', reason: '40 removals are too many' });
		assert.deepEqual(night(held, refused), { outcome: 'refused', reason: 'wrong key' });
		assert.deepEqual(night(refused, stopped), {
			outcome: 'stopped',
			reason: 'The source is empty',
		});
	});

	it('a preview is ok: it wrote nothing, its summary line tells what it would do', () => {
		assert.deepEqual(night({ action: 'held', reason: 'too many', preview: true }), {
			outcome: 'ok',
			reason: '',
		});
	});
});
