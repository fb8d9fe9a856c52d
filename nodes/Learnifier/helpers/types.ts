import type { IDataObject } from 'n8n-workflow';

/** A user as Learnifier's API returns it. */
export interface LearnifierUser extends IDataObject {
	id: string;
	externalId: string | null;
	firstName: string | null;
	lastName: string | null;
	displayName: string | null;
	primaryEmail: string | null;
	locale: string | null;
	homeOrg: string | null;
	hardLock: boolean;
	locked: boolean;
}

/** The keys a create or update sends, with the values to write (null clears). */
export type UserChanges = Partial<Record<WritableField, string | boolean | null>>;

export type WritableField =
	| 'externalId'
	| 'firstName'
	| 'lastName'
	| 'displayName'
	| 'primaryEmail'
	| 'locale'
	| 'homeOrg'
	| 'hardLock';
