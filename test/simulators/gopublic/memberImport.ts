/**
 * GoPublic's member import as docs/apis.md describes it, without HTTP: validate a batch, then upsert
 * each member by any of its uuids. Written by hand (not with the node's zod schema) so that the
 * node's checks and the simulator's rules are two independent readings of docs/apis.md.
 */
import {
	BOOLEAN_FIELDS,
	DATE_FIELDS,
	OPTIONAL_TEXT_FIELDS,
	PATH_LIST_FIELDS,
	REQUIRED_ON_CREATE,
	roleNotFoundMessage,
	type ImportSummary,
	type MemberResult,
	type ValidationProblem,
} from '../../../nodes/GoPublic/transport/apiContract';

export interface StoredMember {
	uuids: string[];
	/** Every field GoPublic holds, normalised (booleans as booleans, lists as arrays). */
	fields: Record<string, unknown>;
	/** Every level of every category / organization path, e.g. 'Skoler', 'Skoler/Nordskolen'. */
	assignedCategories: string[];
	assignedOrganizations: string[];
	locked: boolean;
	/** When the member was first locked for deletion; a later lock does not move it. */
	lockedAt: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface GoPublicState {
	/** Roles that exist in GoPublic's back office. */
	roles: Set<string>;
	/** uuid → member; a member with several uuids is reachable by each of them. */
	members: Map<string, StoredMember>;
	/** The IP whitelist switch: when true every request is refused with 403. */
	refuseCallers: boolean;
	/** Origin headers seen on import requests, in order. */
	origins: string[];
	/** How many members each import request carried, in order (also refused ones). */
	batchSizes: number[];
	/** Every member of every import request, exactly as received, in order. */
	received: unknown[];
	/** How a successful import is answered (the real body is not documented). */
	successAnswer: SuccessAnswer;
	/** Other words for per-member statuses in the summary answer, e.g. { failed: 'FAILED' }. */
	statusWords: Partial<Record<MemberResult['status'], string>>;
	/** E-mail addresses GoPublic refuses as taken (by members outside this import), lower case. */
	takenEmails: Set<string>;
	/** The next this many 400 answers give each problem's index in a malformed way. */
	malformedIndexes: { kind: MalformedIndex; answers: number };
}

/** Problem indexes no member has: -1 - index, index + 0.5, index + the batch's length. */
export const MALFORMED_INDEXES = ['negative', 'fractional', 'pastBatch'] as const;
export type MalformedIndex = (typeof MALFORMED_INDEXES)[number];

/** A problem's index made malformed for a batch of `size` members. */
export function malformedIndex(kind: MalformedIndex, index: number, size: number): number {
	if (kind === 'negative') return -1 - index;
	if (kind === 'fractional') return index + 0.5;
	return index + size;
}

/**
 * The success answers the simulator can give, all legal for an API whose success body is not
 * documented: our assumed summary; counts only; 200 with an empty body; 200 with plain text;
 * 202 Accepted with a JSON message; 204 No Content.
 */
export const SUCCESS_ANSWERS = [
	'summary',
	'countsOnly',
	'empty',
	'text',
	'accepted',
	'noContent',
] as const;
export type SuccessAnswer = (typeof SUCCESS_ANSWERS)[number];

export const distinctMembers = (state: GoPublicState) => [...new Set(state.members.values())];

type RawMember = Record<string, unknown>;

const isText = (value: unknown): value is string => typeof value === 'string';
const isNonEmptyText = (value: unknown): value is string => isText(value) && value.trim() !== '';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function toBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === 'true') return true;
	if (value === 'false') return false;
	return undefined;
}

function isTextList(value: unknown): value is string[] {
	return Array.isArray(value) && value.every(isNonEmptyText);
}

function findMatches(state: GoPublicState, uuids: string[]) {
	return [
		...new Set(uuids.map((uuid) => state.members.get(uuid)).filter((m): m is StoredMember => !!m)),
	];
}

/** Problems with one member's data; an empty list means it may be imported. */
function checkMember(state: GoPublicState, raw: unknown, index: number): ValidationProblem[] {
	const problem = (field: string, message: string) => ({ index, field, message });
	if (!raw || typeof raw !== 'object' || Array.isArray(raw))
		return [problem('', 'a member must be a JSON object')];
	const member = raw as RawMember;
	const problems: ValidationProblem[] = [];
	if (!isTextList(member.uuids) || member.uuids.length === 0) {
		return [problem('uuids', 'uuids is required: a non-empty array of non-empty strings')];
	}
	const exists = findMatches(state, member.uuids).length > 0;
	const locksOnly = toBoolean(member.lockForDeletion) === true;
	for (const field of REQUIRED_ON_CREATE) {
		const missing = member[field] === undefined || member[field] === null || member[field] === '';
		if (missing && !exists && !locksOnly)
			problems.push(problem(field, `${field} is required for a new member`));
	}
	for (const field of ['name', 'fullName', 'email', ...OPTIONAL_TEXT_FIELDS]) {
		const value = member[field];
		if (value !== undefined && value !== null && !isText(value))
			problems.push(problem(field, `${field} must be a string`));
	}
	for (const field of ['email', 'secondaryEmail']) {
		const value = member[field];
		if (isNonEmptyText(value) && !EMAIL.test(value))
			problems.push(problem(field, `${field} is not a valid e-mail address`));
	}
	if (isNonEmptyText(member.email) && state.takenEmails.has(member.email.toLowerCase()))
		problems.push(problem('email', 'email is already used by another member'));
	if (member.roles !== undefined && !isTextList(member.roles))
		problems.push(problem('roles', 'roles must be an array of role names'));
	else if (Array.isArray(member.roles) && member.roles.length === 0)
		problems.push(problem('roles', 'roles must name at least one role'));
	for (const field of PATH_LIST_FIELDS) {
		const value = member[field];
		if (value === undefined) continue;
		if (
			!isTextList(value) ||
			value.some((path) => path.split('/').some((level) => level.trim() === ''))
		) {
			problems.push(problem(field, `${field} must be an array of paths like "Level 1/Level 2"`));
		}
	}
	for (const field of BOOLEAN_FIELDS) {
		if (member[field] !== undefined && toBoolean(member[field]) === undefined) {
			problems.push(problem(field, `${field} must be true or false`));
		}
	}
	for (const field of DATE_FIELDS) {
		const value = member[field];
		if (
			value !== undefined &&
			(!isText(value) || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))
		) {
			problems.push(problem(field, `${field} must be an ISO date-time, e.g. 2024-08-01T00:00:00Z`));
		}
	}
	return problems;
}

const everyLevel = (paths: string[]) => [
	...new Set(
		paths.flatMap((path) => {
			const levels = path.split('/').map((level) => level.trim());
			return levels.map((_, i) => levels.slice(0, i + 1).join('/'));
		}),
	),
];

/** The fields of a raw member in stored form (only those it carries). */
function normalise(member: RawMember): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	const known = [
		'name',
		'email',
		'fullName',
		'roles',
		...OPTIONAL_TEXT_FIELDS,
		...DATE_FIELDS,
		...PATH_LIST_FIELDS,
	];
	for (const field of known) if (member[field] !== undefined) fields[field] = member[field];
	if (member.headOfDepartment !== undefined)
		fields.headOfDepartment = toBoolean(member.headOfDepartment);
	return fields;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function applyMember(
	state: GoPublicState,
	raw: RawMember,
	index: number,
	now: string,
): MemberResult {
	const uuids = raw.uuids as string[];
	const result = (status: MemberResult['status'], message?: string): MemberResult =>
		message === undefined ? { index, uuids, status } : { index, uuids, status, message };
	const matches = findMatches(state, uuids);
	if (matches.length > 1) {
		return result(
			'failed',
			`uuids belong to different members: ${matches.map((m) => m.uuids[0]).join(', ')}`,
		);
	}
	const lock = toBoolean(raw.lockForDeletion);
	const existing = matches[0];
	if (!existing && lock === true && raw.name === undefined)
		return result('failed', `member not found: ${uuids.join(', ')}`);
	const missingRole = ((raw.roles as string[] | undefined) ?? []).find(
		(role) => !state.roles.has(role),
	);
	if (missingRole !== undefined) return result('failed', roleNotFoundMessage(missingRole));

	const member: StoredMember = existing ?? {
		uuids: [],
		fields: {},
		assignedCategories: [],
		assignedOrganizations: [],
		locked: false,
		lockedAt: null,
		createdAt: now,
		updatedAt: now,
	};
	const before = JSON.stringify({
		uuids: member.uuids,
		fields: member.fields,
		locked: member.locked,
	});
	member.uuids = [...new Set([...member.uuids, ...uuids])];
	member.fields = { ...member.fields, ...normalise(raw) };
	member.assignedCategories = everyLevel((member.fields.categories as string[] | undefined) ?? []);
	member.assignedOrganizations = everyLevel(
		(member.fields.organizations as string[] | undefined) ?? [],
	);
	const newlyLocked = lock === true && !member.locked;
	if (lock === true) {
		member.locked = true;
		member.lockedAt ??= now; // only the first lock counts
	}
	if (lock === false) member.locked = false; // assumed: lockForDeletion false lifts a lock
	for (const uuid of member.uuids) state.members.set(uuid, member);
	if (!existing) return result('created');
	if (
		sameJson(
			before,
			JSON.stringify({ uuids: member.uuids, fields: member.fields, locked: member.locked }),
		)
	) {
		return result('unchanged');
	}
	member.updatedAt = now;
	return result(newlyLocked ? 'locked' : 'updated');
}

export type ImportOutcome =
	| { kind: 'invalid'; problems: ValidationProblem[] }
	| { kind: 'done'; summary: ImportSummary };

/** Assumed: one invalid member refuses the whole batch (400), and nothing is written. */
export function importMembers(
	state: GoPublicState,
	body: unknown,
	now = new Date().toISOString(),
): ImportOutcome {
	const members =
		body && typeof body === 'object' ? (body as { members?: unknown }).members : undefined;
	if (!Array.isArray(members)) {
		return {
			kind: 'invalid',
			problems: [{ index: null, field: 'members', message: 'members must be an array' }],
		};
	}
	state.batchSizes.push(members.length);
	state.received.push(...members);
	const problems = members.flatMap((member, index) => checkMember(state, member, index));
	if (problems.length > 0) return { kind: 'invalid', problems };
	const results = members.map((member, index) =>
		applyMember(state, member as RawMember, index, now),
	);
	const count = (status: MemberResult['status']) =>
		results.filter((r) => r.status === status).length;
	return {
		kind: 'done',
		summary: {
			created: count('created'),
			updated: count('updated'),
			unchanged: count('unchanged'),
			locked: count('locked'),
			failed: count('failed'),
			results,
		},
	};
}
