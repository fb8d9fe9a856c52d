import type { Role } from '../transport/apiContract';

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
