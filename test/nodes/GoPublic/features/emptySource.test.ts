/**
 * An empty source in both GoPublic templates, through n8n's engine: an HR file with only its
 * header row, or Admentum with no staff, ends the night red with "The source is empty" and the
 * node that read it; nothing is sent to GoPublic and nobody is locked.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';

import { InMemoryDataTables } from '../../../engine/dataTables';
import { runWorkflow, type WorkflowJson } from '../../../engine/runWorkflow';
import { admentumCredential } from '../../../engine/workflows/admentumWorkflow';
import { credentialsFor } from '../../../engine/workflows/goPublicWorkflow';
import { hrCsvText, hrRowsFrom } from '../../../fixtures/hrCsv';
import { readTemplate, withCustomerSettings } from '../../../fixtures/templates';
import {
	startAdmentumSimulator,
	type AdmentumSimulator,
} from '../../../simulators/admentum/admentumSimulator';
import {
	startGoPublicSimulator,
	type GoPublicSimulator,
} from '../../../simulators/gopublic/gopublicSimulator';

const folder = mkdtempSync(join(tmpdir(), 'dirsync-empty-source-'));
process.env.N8N_RESTRICT_FILE_ACCESS_TO = folder;
const csvFile = join(folder, 'members.csv');

let admentum: AdmentumSimulator;
let goPublic: GoPublicSimulator;
let dataTables: InMemoryDataTables;

function night(file: string, settings: Record<string, string>) {
	const workflow = withCustomerSettings(readTemplate(file).workflow, {
		...settings,
		mode: 'apply',
	});
	return runWorkflow(workflow as unknown as WorkflowJson, {
		credentials: {
			...credentialsFor(goPublic.origin),
			admentumApi: admentumCredential(admentum.csvUrl),
		},
		mode: 'trigger',
		dataTables,
	});
}

async function assertEmptyNight(run: () => ReturnType<typeof night>, sourceNode: string) {
	const requestsBefore = goPublic.requests.length;
	const result = await run();
	assert.ok(result.error, 'the night is red');
	assert.match(
		result.error.message,
		new RegExp(`The source is empty: "${sourceNode}" put out no members`),
	);
	assert.equal(goPublic.requests.length, requestsBefore, 'nothing sent to GoPublic');
	const locked = [...goPublic.state.members.values()].filter((member) => member.locked);
	assert.equal(locked.length, 0, 'nobody locked');
}

describe('GoPublic templates: an empty source', () => {
	before(async () => {
		admentum = await startAdmentumSimulator();
		goPublic = await startGoPublicSimulator();
	});
	after(() => Promise.all([admentum.close(), goPublic.close()]));
	beforeEach(() => {
		admentum.reset();
		goPublic.reset();
		dataTables = new InMemoryDataTables();
	});

	it('an HR file with only its header row', async () => {
		writeFileSync(csvFile, hrCsvText(hrRowsFrom(admentum.state.world)));
		const first = await night('hr-csv-to-gopublic.json', { csvFile });
		assert.equal(first.error, undefined, first.error?.message);
		writeFileSync(csvFile, hrCsvText([]));
		await assertEmptyNight(() => night('hr-csv-to-gopublic.json', { csvFile }), 'CSV to Rows');
	});

	it('Admentum with no staff in the chosen school units', async () => {
		const schoolUnits = admentum.state.world.schools.map((school) => school.id).join(',');
		const first = await night('admentum-staff-to-gopublic.json', { schoolUnits });
		assert.equal(first.error, undefined, first.error?.message);
		admentum.configure({ populationShare: 0 });
		await assertEmptyNight(
			() => night('admentum-staff-to-gopublic.json', { schoolUnits }),
			'Admentum: Staff',
		);
	});
});
