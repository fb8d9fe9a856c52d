import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildMember, toMemberCandidate } from '../../../../nodes/GoPublic/helpers/buildMember';
import { inputFieldOf } from '../../../../nodes/GoPublic/helpers/inputFieldOf';

const complete = { uuids: 'a', name: 'A', email: 'a@x.dk', fullName: 'A A', roles: 'Lærer' };

describe('toMemberCandidate and buildMember', () => {
	it('lists: quotes around values removed, values trimmed, empty ones dropped', () => {
		assert.deepEqual(toMemberCandidate({ uuids: '"a"| "b" ||c ', roles: '"Lærer"|"Leder"' }), {
			uuids: ['a', 'b', 'c'],
			roles: ['Lærer', 'Leder'],
		});
	});

	it('empty fields: left out by default; with "clear" sent empty as GoPublic\'s script sends them', () => {
		const mapped = {
			...complete,
			mobileNumber: '',
			headOfDepartment: '',
			categories: '',
			startDate: '',
			avatar: '',
		};
		assert.deepEqual(toMemberCandidate(mapped), toMemberCandidate(complete));
		assert.deepEqual(toMemberCandidate(mapped, 'clear'), {
			...toMemberCandidate(complete),
			mobileNumber: '',
			headOfDepartment: false,
			categories: [],
		});
	});

	it('"clear" never empties a field GoPublic requires: the member is skipped as incomplete', () => {
		const built = buildMember({ ...complete, email: '' }, 'clear');
		assert.deepEqual(built, {
			problems: [{ field: 'email', message: '"email" is required for a new member' }],
		});
	});

	it('a field mapped to nothing at all is left out even with "clear"', () => {
		assert.equal(
			'location' in toMemberCandidate({ ...complete, location: undefined }, 'clear'),
			false,
		);
	});
});

describe('inputFieldOf', () => {
	it('names the field a plain expression reads, else nothing', () => {
		assert.equal(inputFieldOf('={{ $json.EmailAddress }}'), 'EmailAddress');
		assert.equal(inputFieldOf('={{$json["E-mail adresse"]}}'), 'E-mail adresse');
		assert.equal(inputFieldOf("={{ $json['Roles'] }}"), 'Roles');
		assert.equal(inputFieldOf('={{ $json.Email ?? $json.email }}'), undefined);
		assert.equal(inputFieldOf('plain text'), undefined);
		assert.equal(inputFieldOf(undefined), undefined);
	});
});
