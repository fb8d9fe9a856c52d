/**
 * Two overlapping runs can each create a person without e-mail in Learnifier (look up, then create:
 * nothing between them can stop the other). The next night must not pick one of the two to update:
 * workflows/admentum-to-learnifier.json, run by n8n's engine against the Admentum and Learnifier
 * simulators, skips the person and names both Learnifier user IDs in the summary.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { InMemoryDataTables } from '../../../engine/dataTables';
import { learnifierTemplateNight } from '../../../engine/workflows/learnifierTemplateNight';
import {
	startAdmentumSimulator,
	type AdmentumSimulator,
} from '../../../simulators/admentum/admentumSimulator';
import {
	startLearnifierSimulator,
	type LearnifierSimulator,
} from '../../../simulators/learnifier/learnifierSimulator';

let admentum: AdmentumSimulator;
let learnifier: LearnifierSimulator;
const dataTables = new InMemoryDataTables();

const night = () => learnifierTemplateNight({ admentum, learnifier, dataTables });

describe('a person created twice in Learnifier by overlapping runs', () => {
	before(async () => {
		admentum = await startAdmentumSimulator();
		learnifier = await startLearnifierSimulator();
	});
	after(async () => {
		await admentum.close();
		await learnifier.close();
	});

	it('the next night skips them, names both user IDs, and updates neither', async () => {
		const first = await night();
		assert.equal(first.error, undefined, first.error?.message);

		// What the second of two overlapping runs leaves: a second user with the same external ID.
		const original = learnifier.state.users.all().find((user) => user.externalId)!;
		const twin = { ...original, id: `${original.id}-twin`, primaryEmail: null };
		learnifier.state.users.insert(twin);
		// And a change in the source, so that a night picking one of them would update it.
		const person = admentum.state.world.people.find(
			(candidate) => String(candidate.id) === original.externalId,
		)!;
		person.lastName = `${person.lastName}-Changed`;
		const writesBefore = learnifier.requests.filter((request) => request.method !== 'GET').length;

		const next = await night();
		assert.equal(next.error, undefined, next.error?.message);
		const [summary] = next.json('Sync Summary');
		const skipped = (summary.skipped as string[]).filter((line) =>
			line.includes(`"${original.externalId}"`),
		);
		assert.equal(skipped.length, 1, JSON.stringify(summary.skipped));
		assert.match(
			skipped[0],
			new RegExp(
				`is held by 1 source record and 2 target records, id "${original.id}", "${twin.id}"`,
			),
		);
		assert.equal(
			learnifier.requests.filter((request) => request.method !== 'GET').length,
			writesBefore,
			'nothing was written: neither user was updated',
		);
		assert.notEqual(original.lastName, person.lastName);
		assert.notEqual(twin.lastName, person.lastName);
	});
});
