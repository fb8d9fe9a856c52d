/** Pure readings of one SS 12000 person: relations that count, e-mail, external ID, protection. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	chooseEmail,
	currentDuties,
	currentEnrolments,
	externalIdOf,
	isCurrent,
	isProtected,
} from '../../../../nodes/Ss12000/helpers/personFacts';
import type { PersonOptions } from '../../../../nodes/Ss12000/helpers/types';
import type { Ss12000Person } from '../../../../nodes/Ss12000/transport/apiContract';

const TODAY = '2025-09-15';
const options = (changes: Partial<PersonOptions> = {}): PersonOptions => ({
	externalIdFrom: 'id',
	externalIdContext: '',
	emailTypes: { student: ['Skola elev'], teacher: ['Skola personal'] },
	lowerCaseEmail: true,
	protectedIdentities: 'leaveOut',
	schoolUnitIds: ['unit-a', 'unit-b'],
	today: TODAY,
	...changes,
});

const person: Ss12000Person = {
	id: ' p-1 ',
	emails: [
		{ value: 'privat@example.com', type: 'Privat' },
		{ value: ' ', type: 'Skola personal' },
		{ value: 'Anna.Berg@skola.se', type: 'skola PERSONAL' },
		{ value: 'annan@skola.se', type: 'Skola personal' },
		{ value: 'arbete@kommun.se', type: 'Arbete övrigt' },
	],
	eduPersonPrincipalNames: ['', ' anna@skola.se ', 'other@skola.se'],
	externalIdentifiers: [
		{ value: 'AD-1', context: 'http://skolverket.se/AD' },
		{ value: ' 4711 ', context: 'https://skola.example.se/elevregister-id' },
	],
};

describe('isCurrent', () => {
	test('open-ended, started today, ending today: current', () => {
		assert.equal(isCurrent({}, TODAY), true);
		assert.equal(isCurrent({ startDate: TODAY, endDate: TODAY }, TODAY), true);
		assert.equal(isCurrent({ startDate: '2025-09-15T08:00:00+02:00' }, TODAY), true);
	});
	test('not started, ended yesterday, or cancelled: not current', () => {
		assert.equal(isCurrent({ startDate: '2025-09-16' }, TODAY), false);
		assert.equal(isCurrent({ endDate: '2025-09-14' }, TODAY), false);
		assert.equal(isCurrent({ cancelled: true }, TODAY), false);
	});
});

describe('currentEnrolments / currentDuties', () => {
	test('only at the chosen units, and only those that count today', () => {
		const p: Ss12000Person = {
			id: 'x',
			enrolments: [
				{ enroledAt: { id: 'unit-a' } },
				{ enroledAt: { id: 'unit-c' } },
				{ enroledAt: { id: 'unit-b' }, endDate: '2025-06-10' },
				{ enroledAt: { id: ' unit-b ' }, startDate: '2025-08-01' },
			],
			duties: [
				{ dutyAt: { id: 'unit-b' }, dutyRole: 'Rektor' },
				{ dutyAt: { id: 'unit-a' }, dutyRole: 'Lärare', startDate: '2026-01-01' },
				{ dutyRole: 'Lärare' },
			],
		};
		assert.deepEqual(
			currentEnrolments(p, options()).map((e) => e.enroledAt?.id),
			['unit-a', ' unit-b '],
		);
		assert.deepEqual(
			currentDuties(p, options()).map((d) => d.dutyRole),
			['Rektor'],
		);
		assert.deepEqual(currentEnrolments({ id: 'y' }, options()), []);
	});
});

describe('chooseEmail', () => {
	test('the first address of the first type in the admin order, types compared without case', () => {
		assert.equal(chooseEmail(person, ['Skola personal']), 'Anna.Berg@skola.se');
		assert.equal(chooseEmail(person, ['Arbete övrigt', 'Skola personal']), 'arbete@kommun.se');
		assert.equal(chooseEmail(person, ['Skola elev', 'Privat']), 'privat@example.com');
	});
	test('Privat only when asked; none of the types is null', () => {
		assert.equal(chooseEmail(person, ['Skola elev']), null);
		assert.equal(chooseEmail({ id: 'n' }, ['Skola elev']), null);
		assert.equal(chooseEmail(person, []), null);
	});
});

describe('externalIdOf', () => {
	test('the SS 12000 id by default', () => {
		assert.equal(externalIdOf(person, options()), 'p-1');
	});
	test('the value of the external identifier with the given context (context without case)', () => {
		assert.equal(
			externalIdOf(
				person,
				options({
					externalIdFrom: 'externalIdentifier',
					externalIdContext: 'HTTPS://skola.example.se/elevregister-id',
				}),
			),
			'4711',
		);
		assert.equal(
			externalIdOf(
				person,
				options({ externalIdFrom: 'externalIdentifier', externalIdContext: 'http://other' }),
			),
			'',
			'none of that context: empty, so Reconcile skips the person',
		);
	});
	test('the first non-empty eduPersonPrincipalName', () => {
		assert.equal(externalIdOf(person, options({ externalIdFrom: 'eppn' })), 'anna@skola.se');
		assert.equal(externalIdOf({ id: 'z' }, options({ externalIdFrom: 'eppn' })), '');
	});
});

describe('isProtected', () => {
	test('any securityMarking but "Ingen" protects; none given does not', () => {
		assert.equal(isProtected({ id: 'a', securityMarking: 'Skyddad folkbokföring' }), true);
		assert.equal(isProtected({ id: 'a', securityMarking: 'Sekretessmarkering' }), true);
		assert.equal(isProtected({ id: 'a', securityMarking: 'Okänd ny kod' }), true);
		assert.equal(isProtected({ id: 'a', securityMarking: ' ingen ' }), false);
		assert.equal(isProtected({ id: 'a', securityMarking: '' }), false);
		assert.equal(isProtected({ id: 'a' }), false);
	});
});
