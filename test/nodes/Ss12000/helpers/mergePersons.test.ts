/** The persons read per school unit and role, merged into one item per person. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { mergePersons } from '../../../../nodes/Ss12000/helpers/mergePersons';
import type { PersonOptions } from '../../../../nodes/Ss12000/helpers/types';
import type { Ss12000Person } from '../../../../nodes/Ss12000/transport/apiContract';

const options = (changes: Partial<PersonOptions> = {}): PersonOptions => ({
	externalIdFrom: 'id',
	externalIdContext: '',
	emailTypes: { student: ['Skola elev'], teacher: ['Skola personal', 'Arbete övrigt'] },
	lowerCaseEmail: true,
	protectedIdentities: 'leaveOut',
	schoolUnitIds: ['unit-a', 'unit-b'],
	today: '2025-09-15',
	...changes,
});

const student = (id: string, unit: string, more: Partial<Ss12000Person> = {}): Ss12000Person => ({
	id,
	givenName: ` Elev ${id} `,
	familyName: 'Svensson',
	emails: [{ value: `Elev.${id}@Skola.se`, type: 'Skola elev' }],
	enrolments: [{ enroledAt: { id: unit } }],
	...more,
});

const staff = (id: string, units: string[], more: Partial<Ss12000Person> = {}): Ss12000Person => ({
	id,
	givenName: 'Lärare',
	familyName: id,
	emails: [{ value: `${id}@kommun.se`, type: 'Arbete övrigt' }],
	duties: units.map((unit, i) => ({
		dutyAt: { id: unit },
		dutyRole: i === 0 ? 'Rektor' : 'Lärare',
	})),
	...more,
});

describe('mergePersons', () => {
	test("one item per person in the Admentum node's shape, class from the groups", () => {
		const { people, protectedLeftOut } = mergePersons(
			[{ role: 'student', persons: [student('s1', 'unit-a')] }],
			options(),
			new Map([['s1', '7B']]),
		);
		assert.equal(protectedLeftOut, 0);
		assert.deepEqual(people, [
			{
				externalId: 's1',
				firstName: 'Elev s1',
				lastName: 'Svensson',
				email: 'elev.s1@skola.se',
				role: 'student',
				schoolIds: ['unit-a'],
				emailMissing: false,
				ss12000Id: 's1',
				className: '7B',
			},
		]);
	});

	test('staff read at two units are one item, schoolIds in the order of the chosen units, title of the first duty there', () => {
		const t = staff('t1', ['unit-b', 'unit-a']);
		const { people } = mergePersons(
			[
				{ role: 'teacher', persons: [t] },
				{ role: 'teacher', persons: [t] },
			],
			options(),
		);
		assert.equal(people.length, 1);
		assert.deepEqual(
			[people[0].role, people[0].schoolIds, people[0].title, people[0].email],
			['teacher', ['unit-a', 'unit-b'], 'Rektor', 't1@kommun.se'],
		);
	});

	test('someone both enrolled and on duty is staff, whichever list came first', () => {
		const both = { ...student('x1', 'unit-a'), ...staff('x1', ['unit-b']) };
		both.enrolments = [{ enroledAt: { id: 'unit-a' } }];
		const { people } = mergePersons(
			[
				{ role: 'student', persons: [both] },
				{ role: 'teacher', persons: [both] },
			],
			options(),
		);
		assert.deepEqual(
			people.map((p) => [p.role, p.schoolIds]),
			[['teacher', ['unit-b']]],
		);
	});

	test('relations elsewhere, ended or cancelled make no one a student or staff', () => {
		const { people } = mergePersons(
			[
				{
					role: 'student',
					persons: [
						student('s-other', 'unit-c'),
						student('s-ended', 'unit-a', {
							enrolments: [{ enroledAt: { id: 'unit-a' }, endDate: '2025-06-01' }],
						}),
						student('s-cancel', 'unit-a', {
							enrolments: [{ enroledAt: { id: 'unit-a' }, cancelled: true }],
						}),
						student('s-ok', 'unit-b'),
					],
				},
			],
			options(),
		);
		assert.deepEqual(
			people.map((p) => p.ss12000Id),
			['s-ok'],
		);
	});

	test('e-mail: none of the chosen types is null and flagged; lower case only when asked', () => {
		const noMail = student('s2', 'unit-a', { emails: [{ value: 'p@x.se', type: 'Privat' }] });
		const { people } = mergePersons(
			[{ role: 'student', persons: [noMail, student('s3', 'unit-a')] }],
			options({ lowerCaseEmail: false }),
		);
		assert.deepEqual(
			people.map((p) => [p.email, p.emailMissing, p.className]),
			[
				[null, true, null],
				['Elev.s3@Skola.se', false, null],
			],
		);
	});

	test('protected identities: left out and only counted by default', () => {
		const hidden = student('s4', 'unit-a', { securityMarking: 'Skyddad folkbokföring' });
		const open = student('s5', 'unit-a', { securityMarking: 'Ingen' });
		const { people, protectedLeftOut } = mergePersons(
			[{ role: 'student', persons: [hidden, open] }],
			options(),
		);
		assert.deepEqual(
			people.map((p) => p.ss12000Id),
			['s5'],
		);
		assert.equal(protectedLeftOut, 1);
		assert.ok(!JSON.stringify(people).includes('Elev s4'));
	});

	test('protected identities included: without a name anywhere, labelled by ID only', () => {
		const hidden = staff('t4', ['unit-a'], { securityMarking: 'Sekretessmarkering' });
		const { people, protectedLeftOut } = mergePersons(
			[{ role: 'teacher', persons: [hidden] }],
			options({ protectedIdentities: 'includeWithoutName' }),
		);
		assert.equal(protectedLeftOut, 0);
		assert.deepEqual(people, [
			{
				externalId: 't4',
				firstName: '',
				lastName: '',
				email: 't4@kommun.se',
				role: 'teacher',
				schoolIds: ['unit-a'],
				emailMissing: false,
				ss12000Id: 't4',
				title: 'Rektor',
				protectedIdentity: true,
				recordLabel: 'SS 12000 person t4',
			},
		]);
	});

	test('the external ID the admin chose: external identifier context or eduPersonPrincipalName', () => {
		const s = student('s6', 'unit-a', {
			externalIdentifiers: [{ value: '4711', context: 'https://skola.example.se/elevregister-id' }],
			eduPersonPrincipalNames: ['s6@skola.se'],
		});
		const byContext = mergePersons(
			[{ role: 'student', persons: [s] }],
			options({
				externalIdFrom: 'externalIdentifier',
				externalIdContext: 'https://skola.example.se/elevregister-id',
			}),
		);
		assert.equal(byContext.people[0].externalId, '4711');
		const byEppn = mergePersons(
			[{ role: 'student', persons: [s] }],
			options({ externalIdFrom: 'eppn' }),
		);
		assert.deepEqual(
			[byEppn.people[0].externalId, byEppn.people[0].ss12000Id],
			['s6@skola.se', 's6'],
		);
	});
});
