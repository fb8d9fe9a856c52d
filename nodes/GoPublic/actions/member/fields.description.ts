/**
 * The fields an admin maps for Import. Each default reads the column of GoPublic's own CSV
 * (e.g. "Title") and falls back to the field of Admentum's output (e.g. "title"), so both kinds
 * of input work without editing.
 */
import type { INodeProperties } from 'n8n-workflow';

import {
	BOOLEAN_FIELDS,
	DATE_FIELDS,
	OPTIONAL_TEXT_FIELDS,
	PATH_LIST_FIELDS,
} from '../../transport/apiContract';

const LIST_HINT = 'A list, or text with the values separated by |';

const either = (csvColumn: string, field: string) => `={{ $json.${csvColumn} ?? $json.${field} }}`;

export const requiredFieldParameters: INodeProperties[] = [
	{
		displayName: 'UUIDs',
		name: 'uuids',
		type: 'string',
		default: either('UUID', 'externalId'),
		required: true,
		description: `The member's ID(s) in your source system; GoPublic finds the member by any of them. ${LIST_HINT}.`,
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: "={{ $json.Name ?? [$json.firstName, $json.lastName].join(' ').trim() }}",
		required: true,
		description: 'The name shown in the tree view of GoPublic',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: either('EmailAddress', 'email'),
		required: true,
	},
	{
		displayName: 'Full Name',
		name: 'fullName',
		type: 'string',
		default: "={{ $json.FullName ?? [$json.firstName, $json.lastName].join(' ').trim() }}",
		required: true,
		description: 'The name shown in the GoPublic front end',
	},
	{
		displayName: 'Roles',
		name: 'roles',
		type: 'string',
		default: either('Roles', 'role'),
		required: true,
		description: `Role names that already exist in GoPublic's back office (a phonebook-only member needs one too). ${LIST_HINT}.`,
		hint: "Admentum's role is teacher or student: map it to your GoPublic roles, e.g. {{ $json.role === 'teacher' ? 'Lærer' : 'Elev' }}",
	},
];

const DISPLAY_NAMES: Record<string, string> = {
	firstName: 'First Name',
	surname: 'Surname',
	memberId: 'Member ID',
	location: 'Location',
	title: 'Title',
	department: 'Department',
	phoneNumber: 'Phone Number',
	mobileNumber: 'Mobile Number',
	secondaryEmail: 'Secondary Email',
	workDescription: 'Work Description',
	language: 'Language',
	avatar: 'Avatar',
	facebookLink: 'Facebook Link',
	linkedInLink: 'LinkedIn Link',
	instagramLink: 'Instagram Link',
	xLink: 'X Link',
	additionalLink: 'Additional Link',
	dateOfBirth: 'Date of Birth',
	startDate: 'Start Date',
	headOfDepartment: 'Head of Department',
	lockForDeletion: 'Lock for Deletion',
	categories: 'Categories',
	organizations: 'Organizations',
};

const DESCRIPTIONS: Record<string, string> = {
	avatar: 'The picture as base64 text',
	dateOfBirth: 'A date such as 1980-12-24 or 24-12-1980; sent as an ISO date-time',
	startDate: 'A date such as 2024-08-01 or 01-08-2024; sent as an ISO date-time',
	headOfDepartment: 'Whether the member heads the department: true/false, yes/no, ja/nej or 1/0',
	lockForDeletion: 'Whether to lock the member; GoPublic deletes locked members after 30 days',
	categories: `Paths such as "Skoler/Nordskolen"; the member gets every level of each path. ${LIST_HINT}.`,
	organizations: `Paths such as "Kommune/Skoler"; the member gets every level of each path. ${LIST_HINT}.`,
};

/** Admentum's output names for the fields it has; otherwise GoPublic's own field name. */
const SOURCE_FIELDS: Record<string, string> = { surname: 'lastName' };

/** The columns of GoPublic's sample CSV whose names are not the capitalised field name. */
const CSV_COLUMNS: Record<string, string> = {
	mobileNumber: 'MobilePhone',
	lockForDeletion: 'lockForDeletion',
};

const csvColumn = (field: string) => CSV_COLUMNS[field] ?? field[0].toUpperCase() + field.slice(1);

const optionalFields = [
	...OPTIONAL_TEXT_FIELDS,
	...DATE_FIELDS,
	...BOOLEAN_FIELDS,
	...PATH_LIST_FIELDS,
];

export const additionalFieldsParameter: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: 'Empty fields are left out, or cleared in GoPublic (option Empty Fields)',
	options: optionalFields
		.map(
			(field): INodeProperties => ({
				displayName: DISPLAY_NAMES[field],
				name: field,
				type: 'string',
				default: either(csvColumn(field), SOURCE_FIELDS[field] ?? field),
				description: DESCRIPTIONS[field],
			}),
		)
		.sort((a, b) => a.displayName.localeCompare(b.displayName)),
};
