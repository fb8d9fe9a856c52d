import assert from 'node:assert/strict';
import { test } from 'node:test';

import { schoolIdsFrom } from '../../../../nodes/Admentum/helpers/schoolSelection';

test('school units from the picker, an array, a number or text', () => {
	assert.deepEqual(schoolIdsFrom(['101', '102']), ['101', '102']);
	assert.deepEqual(schoolIdsFrom([101, 102, 101]), ['101', '102']);
	assert.deepEqual(schoolIdsFrom(103), ['103']);
	assert.deepEqual(schoolIdsFrom(' 101, 102;103 '), ['101', '102', '103']);
	assert.deepEqual(schoolIdsFrom(''), []);
	assert.deepEqual(schoolIdsFrom(undefined), []);
});
