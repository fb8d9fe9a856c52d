/**
 * workflows/hr-csv-to-gopublic.json, run by n8n's engine against the GoPublic simulator, on a file
 * in the layout of GoPublic's own import guide (test/fixtures/kontakter: BOM, `;`, quoted cells,
 * `"a"|"b"` lists, True/False, empty cells). The members sent are compared, field by field, with
 * what the guide's example script sends for the same rows.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { readTemplate, withCustomerSettings } from '../../../fixtures/templates';
import { runWorkflow, type WorkflowJson } from '../../../engine/runWorkflow';
import {
	startGoPublicSimulator,
	type GoPublicSimulator,
} from '../../../simulators/gopublic/gopublicSimulator';
import { BO, KONTAKTER_CSV, MARTA, SOREN } from '../../../fixtures/kontakter/kontakter';
import { credentialsFor } from '../../../engine/workflows/goPublicWorkflow';

const folder = mkdtempSync(join(tmpdir(), 'dirsync-kontakter-'));
process.env.N8N_RESTRICT_FILE_ACCESS_TO = folder;
const csvFile = join(folder, 'Kontakter.csv');

const IMPORT_NODE = 'GoPublic: Import Members';

let sim: GoPublicSimulator;

/**
 * The template as shipped, with this test's file in Customer Settings. Its Data table nodes need
 * n8n's server, so here their output is pinned: Read Memory gives `rows` (what the table holds),
 * and what GoPublic puts out to save is returned for the next night.
 */
function template(rows: IDataObject[]): WorkflowJson {
	const workflow = withCustomerSettings(readTemplate('hr-csv-to-gopublic.json').workflow, {
		csvFile,
		mode: 'apply',
	}) as unknown as WorkflowJson;
	const pinned = (items: IDataObject[]) => items.map((json) => ({ json }));
	return {
		...workflow,
		pinData: {
			'Memory Table': pinned([{ id: 'memory-table' }]),
			'Read Memory': pinned(rows.length > 0 ? rows : [{}]),
			'Save Memory': pinned([{}]),
			'History Table': pinned([{ id: 'history-table' }]),
			'Removal Log Table': pinned([{ id: 'removal-log-table' }]),
			'Save History': pinned([{}]),
			'Save Removals': pinned([{}]),
		},
	};
}

async function night(rows: IDataObject[] = []) {
	const result = await runWorkflow(template(rows), {
		credentials: credentialsFor(sim.origin),
		mode: 'trigger',
	});
	const toSave = result.json(IMPORT_NODE, 1).map(({ bucket, members }) => ({ bucket, members }));
	return Object.assign(result, { toSave });
}
/** The members GoPublic received, exactly as sent, from the `from`-th on. */
const sentMembers = (from = 0) => sim.state.received.slice(from);

describe("HR CSV → GoPublic template on the layout of GoPublic's own guide (Kontakter.csv)", () => {
	before(async () => {
		sim = await startGoPublicSimulator();
	});
	after(() => sim.close());
	beforeEach(() => {
		sim.reset();
		copyFileSync(KONTAKTER_CSV, csvFile);
	});

	it("sends, field by field, what the guide's script sends; the row without e-mail is skipped by CSV line and column", async () => {
		const result = await night();
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(sentMembers(), [SOREN, MARTA, BO]);

		const [summary] = result.json('Sync Summary');
		assert.equal(
			summary.summary,
			'3 created, 1 skipped',
			'a new member sent locked is created locked',
		);
		assert.deepEqual(summary.skipped, [
			'Item 4, CSV line 5, uuid dk-1004 (Ida Lund): "email" is required for a new member (from "EmailAddress")',
		]);
		assert.equal(summary.nightFailed, false);

		const soren = sim.state.members.get('ad-77')!;
		assert.deepEqual(soren.assignedCategories, [
			'Skoler',
			'Skoler/Nordskolen',
			'Fag',
			'Fag/Matematik',
		]);
		assert.equal(
			sim.state.members.get('dk-1003')?.locked,
			true,
			'lockForDeletion True locks the member',
		);
	});

	it('twice without change; then an emptied cell is cleared, and False unlocks a member the file locked', async () => {
		const first = await night();
		const again = await night(first.toSave);
		assert.equal(again.json('Sync Summary')[0].summary, '3 unchanged, 1 skipped');

		const text = readFileSync(csvFile, 'utf8')
			.replace('+46 70 123 45 67', '')
			.replace('Nordskolen;True;Medarbejder', 'Nordskolen;False;Medarbejder');
		writeFileSync(csvFile, text);
		const receivedBefore = sim.state.received.length;
		const changed = await night(again.toSave);
		assert.equal(changed.error, undefined, changed.error?.message);
		const [, marta, bo] = sentMembers(receivedBefore) as Array<Record<string, unknown>>;
		assert.equal(marta.mobileNumber, '', 'a mobile number removed in HR is sent empty');
		assert.equal(bo.lockForDeletion, false);
		assert.equal(
			sim.state.members.get('se-2001')?.fields.mobileNumber,
			'',
			'and removed in GoPublic',
		);
		assert.equal(
			sim.state.members.get('dk-1003')?.locked,
			false,
			'lockForDeletion False unlocks it',
		);
		assert.deepEqual(
			changed.json(IMPORT_NODE).map((item) => item.status),
			['unchanged', 'updated', 'updated', 'skipped'],
		);
	});
});
