/**
 * Synthetic people for the benchmark, the same for every engine: `size` records per side.
 * 5 % exist only in the source (creates), 5 % only in the target (deletes), 10 % of the matched
 * pairs have a new last name (updates), and one in seven target e-mails differs only in case
 * (unchanged, because e-mail is compared ignoring case). No randomness: record i is always the same.
 */
import type { IDataObject } from 'n8n-workflow';

export interface BenchPeople {
	source: IDataObject[];
	target: IDataObject[];
}

const externalId = (i: number) => `ext-${String(i).padStart(8, '0')}`;
const email = (i: number) => `user${i}@school.example`;

export function benchPeople(size: number): BenchPeople {
	const onlyInSource = Math.round(size * 0.05);
	const source: IDataObject[] = new Array(size);
	for (let i = 0; i < size; i++) {
		source[i] = {
			externalId: externalId(i),
			firstName: `First${i % 997}`,
			lastName: `Last${i % 1009}`,
			email: email(i),
		};
	}
	// The target holds people onlyInSource .. size + onlyInSource - 1, newest first.
	const target: IDataObject[] = new Array(size);
	for (let t = 0; t < size; t++) {
		const i = size + onlyInSource - 1 - t;
		target[t] = {
			id: `u-${i}`,
			externalId: externalId(i),
			firstName: `First${i % 997}`,
			lastName: i % 10 === 3 ? `Renamed${i}` : `Last${i % 1009}`,
			primaryEmail: i % 7 === 0 ? email(i).toUpperCase() : email(i),
		};
	}
	return { source, target };
}
