/**
 * Group → Get Many through n8n's engine against the SS 12000 simulator over HTTP: the groups of
 * the chosen school units with their members, over every page, one item per group.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import {
	readGroups,
	runSs12000,
	SS12000,
	ss12000Credential,
} from '../../../../engine/workflows/ss12000Workflow';
import { generatePeople } from '../../../../simulators/seed/people';
import {
	classGroupUuid,
	personUuid,
	schoolUnitUuid,
} from '../../../../simulators/ss12000/seedSs12000';
import {
	SS12000_LIMITED_CLIENT_ID,
	SS12000_LIMITED_CLIENT_SECRET,
	startSs12000Simulator,
	type Ss12000Simulator,
} from '../../../../simulators/ss12000/ss12000Simulator';

let sim: Ss12000Simulator;
before(
	async () =>
		(sim = await startSs12000Simulator({
			world: generatePeople({ seed: 7, count: 600, schoolCount: 3 }),
		})),
);
after(() => sim.close());
beforeEach(() => sim.reset());

/** The class groups of a school unit as the node puts them out, members from the seed itself. */
function expectedGroups(schoolId: number) {
	const classes = new Map<string, string[]>();
	for (const person of sim.state.world.people) {
		if (person.role !== 'student' || person.schoolIds[0] !== schoolId || !person.className)
			continue;
		classes.set(person.className, [
			...(classes.get(person.className) ?? []),
			personUuid(person.id),
		]);
	}
	return [...classes].map(([className, memberIds]) => ({
		id: classGroupUuid(schoolId, className),
		name: className,
		groupType: 'Klass',
		schoolUnitId: schoolUnitUuid(schoolId),
		memberIds,
		memberCount: memberIds.length,
	}));
}

const groupRequests = () => sim.requests.filter((r) => r.path.includes('/groups'));

describe('Group → Get Many', () => {
	test('the class groups of the chosen units with their members, over every page', async () => {
		sim.configure({ maxPageSize: 3 });
		const result = await runSs12000(
			readGroups([schoolUnitUuid(102), schoolUnitUuid(101)]),
			ss12000Credential(sim),
		);
		assert.equal(result.error, undefined, result.error?.message);
		const expected = [...expectedGroups(102), ...expectedGroups(101)];
		assert.ok(expected.length > 6, 'more groups than fit on two pages');
		assert.deepEqual(result.json(SS12000), expected);
		assert.equal(
			result.json(SS12000).reduce((sum, group) => sum + Number(group.memberCount), 0),
			sim.state.world.people.filter(
				(p) => p.role === 'student' && p.className && p.schoolIds[0] !== 103,
			).length,
			'every student of the two units is a member of a class',
		);
		assert.deepEqual(result.json(SS12000, 1), []);
		const firstPages = groupRequests().filter((r) => !r.path.includes('pageToken='));
		assert.equal(firstPages.length, 2, 'one filtered first request per unit');
		for (const request of firstPages) assert.match(request.path, /groupType=Klass/);
		const pages =
			Math.ceil(expectedGroups(101).length / 3) + Math.ceil(expectedGroups(102).length / 3);
		assert.equal(groupRequests().length, pages);
		assert.ok(
			groupRequests()
				.filter((r) => r.path.includes('pageToken='))
				.every((r) => !r.path.includes('organisation=')),
			'the next pages carry only the pageToken',
		);
	});

	test('IDs given by expression as text; All Types sends no groupType; another type finds none', async () => {
		const all = await runSs12000(
			readGroups(`${schoolUnitUuid(103)}, ${schoolUnitUuid(103)}`, { groupType: '' }),
			ss12000Credential(sim),
		);
		assert.equal(all.error, undefined, all.error?.message);
		assert.deepEqual(all.json(SS12000), expectedGroups(103), 'the unit once, though given twice');
		assert.ok(groupRequests().every((r) => !r.path.includes('groupType=')));

		const mentor = await runSs12000(
			readGroups([schoolUnitUuid(103)], { groupType: 'Mentor' }),
			ss12000Credential(sim),
		);
		assert.equal(mentor.error, undefined);
		assert.deepEqual(mentor.json(SS12000), []);
	});

	test('Limit', async () => {
		const result = await runSs12000(
			readGroups([schoolUnitUuid(101)], { returnAll: false, limit: 2 }),
			ss12000Credential(sim),
		);
		assert.deepEqual(result.json(SS12000), expectedGroups(101).slice(0, 2));
	});

	test('an expression that gives no school unit ID is an error before any request', async () => {
		const result = await runSs12000(readGroups('={{ " , " }}'), ss12000Credential(sim));
		assert.equal(result.error?.message, 'No school unit chosen');
		assert.equal(sim.requests.length, 0);
	});

	test('a client that may read only organisations: 403 in plain words, naming the unit', async () => {
		const result = await runSs12000(
			readGroups([schoolUnitUuid(101)]),
			ss12000Credential(sim, {
				clientId: SS12000_LIMITED_CLIENT_ID,
				clientSecret: SS12000_LIMITED_CLIENT_SECRET,
			}),
		);
		assert.equal(
			result.error?.message,
			`Reading the groups of school unit ${schoolUnitUuid(101)} failed: The credential may not read this. Ask the school system provider to give the client read access to it`,
		);
		assert.deepEqual(result.json(SS12000), []);
	});

	test('a stored token the API has revoked is renewed once and the groups are read', async () => {
		const credential = ss12000Credential(sim);
		const first = await runSs12000(readGroups([schoolUnitUuid(101)]), credential);
		assert.equal(first.error, undefined, first.error?.message);
		assert.equal(sim.state.tokensGiven.length, 1);
		sim.revokeTokens();
		const second = await runSs12000(readGroups([schoolUnitUuid(101)]), credential);
		assert.equal(second.error, undefined, second.error?.message);
		assert.deepEqual(second.json(SS12000), expectedGroups(101));
		assert.equal(sim.state.tokensGiven.length, 2, 'one new token');
		assert.equal(credential.accessToken, sim.state.tokensGiven[1], 'saved with the credential');
	});
});
