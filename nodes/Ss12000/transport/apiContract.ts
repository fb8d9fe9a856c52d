/**
 * Everything this package assumes about an SS 12000 API, in one place (docs/apis.md says which
 * parts are confirmed by Skolverket's reference API and which are assumed). If a provider answers
 * differently, correct it here.
 */
export const CREDENTIAL_TYPE = 'ss12000Api';

/** Paged lists: `?limit=&pageToken=`, answered `{ data: [...], pageToken }` (null at the end). */
export const PAGING = {
	limitQuery: 'limit',
	pageTokenQuery: 'pageToken',
	pageSize: 500,
	dataKey: 'data',
	nextKey: 'pageToken',
} as const;

export const PATHS = {
	organisations: '/organisations',
	persons: '/persons',
	groups: '/groups',
} as const;

/** Skolverket's reference API answers organisations as `{ organisations: [...] }`, without paging. */
export const ORGANISATIONS_KEY = 'organisations';

/** Organisation types that are school units (SS 12000's `organisationType`). */
export const SCHOOL_UNIT_TYPE = 'Skolenhet';

/** Query of the persons of one school unit: students by enrolment, staff by duty. */
export const PERSON_QUERY = {
	relationType: 'relationship.entity.type',
	relationOrganisation: 'relationship.organisation',
	enrolment: 'enrolment',
	duty: 'duty',
	expand: 'expand',
	expandDuties: 'duties',
} as const;

export const GROUP_QUERY = { organisation: 'organisation', groupType: 'groupType' } as const;
/** The group type of a class (its displayName becomes a student's className). */
export const CLASS_GROUP_TYPE = 'Klass';

/** E-mail types of SS 12000 (Code_EmailType). Others are accepted as written. */
export const EMAIL_TYPES = ['Skola elev', 'Skola personal', 'Arbete övrigt', 'Privat'] as const;
export const DEFAULT_EMAIL_TYPES = { student: 'Skola elev', teacher: 'Skola personal' } as const;

/** `securityMarking` of a person without a protected identity; any other value protects. */
export const NO_SECURITY_MARKING = 'Ingen';

/** What the statuses mean for an admin (the rest are worded by the shared apiError). */
export const STATUS_WORDING: Partial<Record<number, string>> = {
	401: 'SS 12000 refused the token. Check the credential: the fixed token, or the client ID and secret',
	403: 'The credential may not read this. Ask the school system provider to give the client read access to it',
	404: 'This address does not exist at the SS 12000 API. Check the API address in the credential (it ends before /organisations)',
};

/** SS 12000 records as far as this node reads them (docs/apis.md: field names from the standard). */
export interface Reference {
	id: string;
	displayName?: string;
}

export interface TypedEmail {
	value: string;
	type?: string;
}

export interface ExternalIdentifier {
	value: string;
	context?: string;
	globallyUnique?: boolean;
}

export interface Enrolment {
	enroledAt?: Reference;
	schoolYear?: number;
	cancelled?: boolean;
	startDate?: string;
	endDate?: string;
}

export interface Duty {
	id?: string;
	dutyAt?: Reference;
	dutyRole?: string;
	startDate?: string;
	endDate?: string;
}

export interface Ss12000Person {
	id: string;
	givenName?: string;
	familyName?: string;
	emails?: TypedEmail[];
	eduPersonPrincipalNames?: string[];
	externalIdentifiers?: ExternalIdentifier[];
	enrolments?: Enrolment[];
	duties?: Duty[];
	securityMarking?: string;
}

export interface Organisation {
	id: string;
	displayName?: string;
	schoolUnitCode?: string;
	organisationType?: string;
}

export interface Group {
	id: string;
	displayName?: string;
	groupType?: string;
	organisation?: Reference;
	groupMemberships?: Array<{ person?: Reference }>;
}

/** The same two roles as the Admentum node: staff of any duty are `teacher`. */
export type Role = 'student' | 'teacher';
