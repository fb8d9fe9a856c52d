/**
 * What a member must look like before it is sent, checked with zod. The node cannot know whether
 * GoPublic already holds a member, so the fields GoPublic requires to create one are required
 * always. Messages name the field the way the admin mapped it.
 */
import { z } from 'zod';

import {
	BOOLEAN_FIELDS,
	DATE_FIELDS,
	OPTIONAL_TEXT_FIELDS,
	PATH_LIST_FIELDS,
	type MemberPayload,
} from '../transport/apiContract';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const BASE64 = /^[A-Za-z0-9+/\s]+=*$/;

const UUIDS_REQUIRED = '"uuids" is required: every member needs at least one uuid';

const requiredForCreate = (field: string) => `"${field}" is required for a new member`;

const requiredText = (field: string) =>
	z.string({
		required_error: requiredForCreate(field),
		invalid_type_error: `"${field}" must be text`,
	});

const optionalText = (field: string) =>
	z.string({ invalid_type_error: `"${field}" must be text` }).optional();

const textList = (field: string, what: string, required = requiredForCreate(field)) =>
	z.array(z.string({ invalid_type_error: `"${field}" must hold ${what} as text` }), {
		required_error: required,
		invalid_type_error: `"${field}" must be a list or |-separated text`,
	});

const email = (field: string, schema: z.ZodString) =>
	schema.regex(EMAIL, `"${field}" is not a valid e-mail address`);

const textFields = Object.fromEntries(
	OPTIONAL_TEXT_FIELDS.map((field) => [field, optionalText(field)]),
);
const booleanFields = Object.fromEntries(
	BOOLEAN_FIELDS.map((field) => [
		field,
		z
			.boolean({
				invalid_type_error: `"${field}" must be true or false (also: yes/no, ja/nej, 1/0)`,
			})
			.optional(),
	]),
);
const dateFields = Object.fromEntries(
	DATE_FIELDS.map((field) => [
		field,
		z
			.string({ invalid_type_error: `"${field}" must be a date` })
			.regex(
				ISO_DATE_TIME,
				`"${field}" is not a date we understand (use e.g. 2024-08-01 or 01-08-2024)`,
			)
			.optional(),
	]),
);
const pathFields = Object.fromEntries(
	PATH_LIST_FIELDS.map((field) => [
		field,
		textList(field, 'paths')
			.refine((paths) => paths.every((path) => path.split('/').every((level) => level !== '')), {
				message: `"${field}" has a path with an empty level (write paths like "Skoler/Nordskolen")`,
			})
			.optional(),
	]),
);

export const memberSchema = z.object({
	...textFields,
	...booleanFields,
	...dateFields,
	...pathFields,
	uuids: textList('uuids', 'ids', UUIDS_REQUIRED).min(1, UUIDS_REQUIRED),
	name: requiredText('name').min(1, requiredForCreate('name')),
	fullName: requiredText('fullName').min(1, requiredForCreate('fullName')),
	email: email('email', requiredText('email')),
	roles: textList('roles', 'role names').min(
		1,
		'"roles" is required: every member needs a role, even in the phonebook',
	),
	// Empty text clears a secondary e-mail in GoPublic (option Empty Fields).
	secondaryEmail: email(
		'secondaryEmail',
		z.string({ invalid_type_error: '"secondaryEmail" must be text' }),
	)
		.or(z.literal(''))
		.optional(),
	avatar: z
		.string({ invalid_type_error: '"avatar" must be base64 text' })
		.regex(BASE64, '"avatar" must be a picture as base64 text')
		.optional(),
});

export type ValidMember = MemberPayload;

/** Why a member cannot be sent: the field and the reason. */
export interface MemberProblem {
	field: string;
	message: string;
}

/** The member when valid, else one problem per invalid field. */
export function validateMember(
	candidate: Record<string, unknown>,
): { member: ValidMember } | { problems: MemberProblem[] } {
	const parsed = memberSchema.safeParse(candidate);
	if (parsed.success) return { member: parsed.data as ValidMember };
	return {
		problems: parsed.error.issues.map((issue) => ({
			field: String(issue.path[0] ?? ''),
			message: issue.message,
		})),
	};
}
