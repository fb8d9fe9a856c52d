/**
 * workflows/admentum-staff-to-gopublic.json through n8n's engine, laid out the worst way: "Fail
 * the Night" first on the canvas, every save last. On a red night the lock GoPublic was sent is
 * still remembered and on record, and the leaver who comes back the next night is unlocked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { HISTORY_TABLE, REMOVAL_LOG_TABLE } from '../../../../nodes/shared/syncHistory';
import { InMemoryDataTables } from '../../../engine/dataTables';
import { runWorkflow, type WorkflowJson } from '../../../engine/runWorkflow';
import { admentumCredential } from '../../../engine/workflows/admentumWorkflow';
import { withStopOnTop } from '../../../engine/workflows/canvasLayout';
import { credentialsFor } from '../../../engine/workflows/goPublicWorkflow';
import { readTemplate, withCustomerSettings } from '../../../fixtures/templates';
import {
	startAdmentumSimulator,
	type AdmentumSimulator,
} from '../../../simulators/admentum/admentumSimulator';
import {
	startGoPublicSimulator,
	type GoPublicSimulator,
} from '../../../simulators/gopublic/gopublicSimulator';
import { generatePeople, type Person } from '../../../simulators/seed/people';

/** The memory table of the engine's workflow (its ID is `test-workflow`). */
const MEMORY_TABLE = 'GoPublic memory (v2) of workflow test-workflow';

let admentum: AdmentumSimulator;
let goPublic: GoPublicSimulator;
const tables = new InMemoryDataTables();
const world = generatePeople({ seed: 11, count: 600, teacherShare: 0.2, missingEmailShare: 0 });
const template = readTemplate('admentum-staff-to-gopublic.json').workflow;

async function night(people: Person[]) {
	admentum.state.world = { ...world, people };
	const schoolUnits = world.schools.map((school) => school.id).join(',');
	const workflow = withCustomerSettings(template, { schoolUnits, mode: 'apply' });
	return await runWorkflow(withStopOnTop(workflow as unknown as WorkflowJson), {
		credentials: {
			...credentialsFor(goPublic.origin),
			admentumApi: admentumCredential(admentum.csvUrl),
		},
		mode: 'trigger',
		dataTables: tables,
	});
}

/** What the memory table holds of a member: `imported`, `locked`, … */
function remembered(uuid: string): string | undefined {
	const buckets = tables.rows(MEMORY_TABLE) as IDataObject[];
	const members = Object.assign(
		{},
		...buckets.map((row) => JSON.parse(String(row.members)) as Record<string, string>),
	) as Record<string, string>;
	return members[uuid];
}

describe('Admentum staff → GoPublic with "Fail the Night" on top of the canvas', () => {
	before(async () => {
		admentum = await startAdmentumSimulator();
		goPublic = await startGoPublicSimulator();
	});
	after(() => Promise.all([admentum.close(), goPublic.close()]));

	it('a red night remembers the lock it sent and puts it on record; the leaver back the next night is unlocked', async () => {
		const first = await night(world.people);
		assert.equal(first.error, undefined, first.error?.message);

		const staff = world.people.filter((person) => person.role === 'teacher');
		const [leaver, ...others] = staff;
		const uuid = String(leaver.id);
		goPublic.takeEmails(others.slice(0, Math.ceil(others.length / 5)).map((p) => String(p.email)));
		const red = await night(world.people.filter((person) => person !== leaver));
		assert.ok(red.error, 'GoPublic refusing a fifth of the records makes the night red');
		assert.equal(red.executedNodes.at(-1), 'Fail the Night', 'the night was stopped');
		assert.equal(goPublic.state.members.get(uuid)?.locked, true, 'the leaver was locked');
		assert.equal(remembered(uuid), 'locked', 'the memory holds the lock');
		const [history] = (tables.rows(HISTORY_TABLE) as IDataObject[]).slice(-1);
		assert.equal(history.outcome, 'failed');
		assert.equal(history.locked, 1);
		const logged = (tables.rows(REMOVAL_LOG_TABLE) as IDataObject[]).filter(
			(row) => String(row.key).split('|')[0] === uuid,
		);
		assert.deepEqual(
			logged.map((row) => row.action),
			['locked'],
		);

		goPublic.takeEmails([]);
		const back = await night(world.people);
		assert.equal(back.error, undefined, back.error?.message);
		assert.equal(goPublic.state.members.get(uuid)?.locked, false, 'the returner is unlocked');
		assert.equal(remembered(uuid), 'imported');
		assert.equal(tables.rows(HISTORY_TABLE).length, 3, 'every night has its row');
	});
});
