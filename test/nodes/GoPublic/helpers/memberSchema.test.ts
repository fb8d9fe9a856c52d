import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { toBoolean, toIsoDateTime } from '../../../../nodes/GoPublic/helpers/fieldForms';
import { validateMember } from '../../../../nodes/GoPublic/helpers/memberSchema';

const complete = {
	uuids: ['10377'],
	name: 'Anna',
	fullName: 'Anna Berg',
	email: 'anna@skole.dk',
	roles: ['Lærer'],
};

const problemsOf = (candidate: Record<string, unknown>) => {
	const result = validateMember(candidate);
	assert.ok('problems' in result, 'expected the member to be refused');
	return result.problems;
};

describe('GoPublic memberSchema: validateMember', () => {
	it('a complete member passes as given; fields GoPublic does not know are dropped', () => {
		assert.deepEqual(validateMember({ ...complete, unknownField: 'x' }), { member: complete });
	});

	it('what GoPublic needs to create a member is always required, one problem per field', () => {
		assert.deepEqual(problemsOf({}), [
			{ field: 'uuids', message: '"uuids" is required: every member needs at least one uuid' },
			{ field: 'name', message: '"name" is required for a new member' },
			{ field: 'fullName', message: '"fullName" is required for a new member' },
			{ field: 'email', message: '"email" is required for a new member' },
			{ field: 'roles', message: '"roles" is required for a new member' },
		]);
	});

	it('empty lists and empty text do not satisfy a required field', () => {
		assert.deepEqual(problemsOf({ ...complete, uuids: [], roles: [], fullName: '' }), [
			{ field: 'uuids', message: '"uuids" is required: every member needs at least one uuid' },
			{ field: 'fullName', message: '"fullName" is required for a new member' },
			{
				field: 'roles',
				message: '"roles" is required: every member needs a role, even in the phonebook',
			},
		]);
	});

	it('lists must be lists of text (the field forms make them so)', () => {
		assert.deepEqual(problemsOf({ ...complete, uuids: '10377' }), [
			{ field: 'uuids', message: '"uuids" must be a list or |-separated text' },
		]);
		assert.deepEqual(problemsOf({ ...complete, roles: [7] }), [
			{ field: 'roles', message: '"roles" must hold role names as text' },
		]);
	});

	it('e-mail addresses must look like one; the secondary one may be empty text to clear it', () => {
		assert.deepEqual(problemsOf({ ...complete, email: 'anna@skole' }), [
			{ field: 'email', message: '"email" is not a valid e-mail address' },
		]);
		assert.ok('member' in validateMember({ ...complete, secondaryEmail: '' }));
		assert.ok('member' in validateMember({ ...complete, secondaryEmail: 'a.berg@privat.dk' }));
		assert.deepEqual(problemsOf({ ...complete, secondaryEmail: 'anna' }), [
			{ field: 'secondaryEmail', message: '"secondaryEmail" is not a valid e-mail address' },
		]);
	});

	it("booleans must be booleans: the words True/FALSE only after the field forms' conversion", () => {
		assert.deepEqual(problemsOf({ ...complete, headOfDepartment: 'True' }), [
			{
				field: 'headOfDepartment',
				message: '"headOfDepartment" must be true or false (also: yes/no, ja/nej, 1/0)',
			},
		]);
		const converted = {
			...complete,
			headOfDepartment: toBoolean('True'),
			lockForDeletion: toBoolean('FALSE'),
		};
		assert.deepEqual(validateMember(converted), {
			member: { ...complete, headOfDepartment: true, lockForDeletion: false },
		});
	});

	it("dates must be ISO date-times, which the field forms make of the admin's dates", () => {
		assert.deepEqual(problemsOf({ ...complete, startDate: '01-08-2024' }), [
			{
				field: 'startDate',
				message: '"startDate" is not a date we understand (use e.g. 2024-08-01 or 01-08-2024)',
			},
		]);
		const startDate = toIsoDateTime('01-08-2024');
		assert.deepEqual(validateMember({ ...complete, startDate }), {
			member: { ...complete, startDate: '2024-08-01T00:00:00.000Z' },
		});
	});

	it('paths may not have an empty level', () => {
		assert.ok('member' in validateMember({ ...complete, categories: ['Skoler/Nord'] }));
		for (const path of ['Skoler//Nord', '/Skoler', 'Skoler/']) {
			assert.deepEqual(problemsOf({ ...complete, organizations: [path] }), [
				{
					field: 'organizations',
					message:
						'"organizations" has a path with an empty level (write paths like "Skoler/Nordskolen")',
				},
			]);
		}
	});

	it('optional text must be text; a picture must be base64', () => {
		assert.deepEqual(problemsOf({ ...complete, title: 5 }), [
			{ field: 'title', message: '"title" must be text' },
		]);
		assert.ok('member' in validateMember({ ...complete, avatar: 'iVBORw0KGgo=' }));
		assert.deepEqual(problemsOf({ ...complete, avatar: 'data:image/png;base64,iVBO' }), [
			{ field: 'avatar', message: '"avatar" must be a picture as base64 text' },
		]);
	});
});
