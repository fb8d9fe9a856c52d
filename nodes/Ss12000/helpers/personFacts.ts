/** Pure readings of one SS 12000 person: which e-mail, which external ID, which relations count. */
import {
	NO_SECURITY_MARKING,
	type Duty,
	type Enrolment,
	type Role,
	type Ss12000Person,
} from '../transport/apiContract';
import type { PersonOptions } from './types';

const tidy = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A relation counts tonight unless it was cancelled, has not started, or ended before today. */
export function isCurrent(relation: Enrolment | Duty, today: string): boolean {
	if ((relation as Enrolment).cancelled === true) return false;
	const start = tidy(relation.startDate).slice(0, 10);
	const end = tidy(relation.endDate).slice(0, 10);
	if (start && start > today) return false;
	if (end && end < today) return false;
	return true;
}

/** The person's enrolments at the chosen school units that count tonight. */
export function currentEnrolments(person: Ss12000Person, options: PersonOptions): Enrolment[] {
	return (person.enrolments ?? []).filter(
		(e) => options.schoolUnitIds.includes(tidy(e.enroledAt?.id)) && isCurrent(e, options.today),
	);
}

/** The person's duties at the chosen school units that count tonight. */
export function currentDuties(person: Ss12000Person, options: PersonOptions): Duty[] {
	return (person.duties ?? []).filter(
		(d) => options.schoolUnitIds.includes(tidy(d.dutyAt?.id)) && isCurrent(d, options.today),
	);
}

/** The first address of the first type in the admin's order; null when none of them is there. */
export function chooseEmail(person: Ss12000Person, types: readonly string[]): string | null {
	for (const type of types) {
		const found = (person.emails ?? []).find(
			(email) => sameText(tidy(email.type), type) && tidy(email.value) !== '',
		);
		if (found) return tidy(found.value);
	}
	return null;
}

/** The external ID the admin chose; '' when the person has none of that kind (Reconcile then skips them). */
export function externalIdOf(person: Ss12000Person, options: PersonOptions): string {
	switch (options.externalIdFrom) {
		case 'externalIdentifier':
			return tidy(
				(person.externalIdentifiers ?? []).find((identifier) =>
					sameText(tidy(identifier.context), options.externalIdContext),
				)?.value,
			);
		case 'eppn':
			return tidy((person.eduPersonPrincipalNames ?? []).find((name) => tidy(name) !== ''));
		default:
			return tidy(person.id);
	}
}

/**
 * A protected identity: any securityMarking other than "Ingen" (Sekretessmarkering, Skyddad
 * folkbokföring, or a value we do not know). A person without the field is not protected.
 */
export function isProtected(person: Ss12000Person): boolean {
	const marking = tidy(person.securityMarking);
	return marking !== '' && !sameText(marking, NO_SECURITY_MARKING);
}

export const emailTypesFor = (role: Role, options: PersonOptions) => options.emailTypes[role];
