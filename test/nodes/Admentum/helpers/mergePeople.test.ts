import assert from 'node:assert/strict';
import { test } from 'node:test';

import { mergePeople } from '../../../../nodes/Admentum/helpers/mergePeople';
import type { PersonOptions } from '../../../../nodes/Admentum/helpers/types';
import type { PersonRow } from '../../../../nodes/Admentum/transport/apiContract';

const row = (changes: Partial<PersonRow>): PersonRow => ({
	id: '1',
	eid: 'E1',
	guid: 'g-1',
	firstName: ' Åsa ',
	lastName: 'Öberg ',
	email: ' Asa.Oberg@Skola.SE ',
	role: 'teacher',
	schoolId: '101',
	className: null,
	title: 'Lärare',
	personnummer: '19800101-1234',
	...changes,
});
const options: PersonOptions = {
	externalIdFrom: 'id',
	lowerCaseEmail: true,
	includePersonnummer: false,
};

test('one item per person with all their schools, trimmed, e-mail lower-cased', () => {
	assert.deepEqual(
		mergePeople([row({}), row({ schoolId: '102' }), row({ schoolId: '101' })], options),
		[
			{
				externalId: '1',
				firstName: 'Åsa',
				lastName: 'Öberg',
				email: 'asa.oberg@skola.se',
				role: 'teacher',
				schoolIds: ['101', '102'],
				emailMissing: false,
				admentumId: '1',
				title: 'Lärare',
			},
		],
	);
});

test('an empty or blank e-mail is missing, never an empty string', () => {
	const [person] = mergePeople([row({ email: '  ', role: 'student', className: '7A' })], options);
	assert.equal(person.email, null);
	assert.equal(person.emailMissing, true);
	assert.equal(person.className, '7A');
});

test('external id from eid or guid; personnummer only when asked', () => {
	assert.equal(mergePeople([row({})], { ...options, externalIdFrom: 'guid' })[0].externalId, 'g-1');
	assert.ok(!('personnummer' in mergePeople([row({})], options)[0]));
	assert.equal(
		mergePeople([row({})], { ...options, includePersonnummer: true })[0].personnummer,
		'19800101-1234',
	);
});

test('a person listed as student in one school and teacher in another is one teacher', () => {
	const [person] = mergePeople(
		[row({ role: 'student', className: '9A' }), row({ schoolId: '102' })],
		options,
	);
	assert.equal(person.role, 'teacher');
	assert.deepEqual(person.schoolIds, ['101', '102']);
	assert.ok(!('className' in person));
});
