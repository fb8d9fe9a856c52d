import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	changesFromFields,
	changesFromReconcile,
} from '../../../../nodes/Learnifier/helpers/userFields';

describe('Learnifier user fields', () => {
	it('Fields Below: values are trimmed; empty values are left out, never sent as a clear', () => {
		assert.deepEqual(
			changesFromFields({ firstName: ' Åsa ', lastName: '', displayName: null, locale: undefined }),
			{
				firstName: 'Åsa',
			},
		);
	});

	it('Fields Below: numbers from expressions become text; Clear Fields sends null and wins', () => {
		assert.deepEqual(
			changesFromFields({ externalId: 10023, primaryEmail: 'a@b.se' }, ['primaryEmail']),
			{
				externalId: '10023',
				primaryEmail: null,
			},
		);
	});

	it('Reconcile: only the keys of update are sent; emptied values are left out unless asked', () => {
		assert.deepEqual(changesFromReconcile({ lastName: 'Berg', primaryEmail: '' }, false), {
			changes: { lastName: 'Berg' },
		});
		assert.deepEqual(changesFromReconcile({ lastName: 'Berg', primaryEmail: '' }, true), {
			changes: { lastName: 'Berg', primaryEmail: null },
		});
	});

	it('Reconcile: a key Learnifier users do not have is reported', () => {
		assert.deepEqual(changesFromReconcile({ email: 'x@y.se' }, false), { unknownField: 'email' });
	});
});
