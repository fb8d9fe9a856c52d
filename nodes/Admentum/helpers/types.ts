import type { Role } from '../transport/apiContract';

export type ExternalIdSource = 'id' | 'eid' | 'guid';

export interface PersonOptions {
	externalIdFrom: ExternalIdSource;
	lowerCaseEmail: boolean;
	includePersonnummer: boolean;
}

/** The node's output for one person: documented in the node's notice, keep it stable. */
export interface PersonItem {
	externalId: string;
	firstName: string;
	lastName: string;
	email: string | null;
	role: Role;
	/** Ids of the chosen schools the person was found in, as text, in the order they were read. */
	schoolIds: string[];
	/** Students only. */
	className?: string | null;
	/** Teachers only. */
	title?: string | null;
	emailMissing: boolean;
	admentumId: string;
	/** Only when the admin turned it on. */
	personnummer?: string | null;
	[key: string]: unknown;
}
