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

export type ExternalIdSource = 'id' | 'externalIdentifier' | 'eppn';

export type ProtectedIdentities = 'leaveOut' | 'includeWithoutName';

export interface PersonOptions {
	externalIdFrom: ExternalIdSource;
	/** For `externalIdentifier`: the context whose value becomes externalId. */
	externalIdContext: string;
	/** E-mail types in the order they are tried, per role. */
	emailTypes: Record<Role, string[]>;
	lowerCaseEmail: boolean;
	protectedIdentities: ProtectedIdentities;
	/** The school units chosen, by SS 12000 organisation ID. */
	schoolUnitIds: string[];
	/** Today, YYYY-MM-DD: enrolments and duties that ended before it do not count. */
	today: string;
}

/** One person as the node puts them out: the Admentum node's shape (see its PersonItem). */
export interface PersonItem {
	externalId: string;
	firstName: string;
	lastName: string;
	email: string | null;
	role: Role;
	schoolIds: string[];
	/** Students only: the displayName of their class group (groupType Klass), if any. */
	className?: string | null;
	/** Staff only: the dutyRole of their first duty at a chosen school unit. */
	title?: string | null;
	emailMissing: boolean;
	/** The person's SS 12000 ID (a UUID), whatever the external ID is. */
	ss12000Id: string;
	/** Only on people with a protected identity, when the admin chose to include them. */
	protectedIdentity?: true;
	recordLabel?: string;
	[key: string]: unknown;
}
