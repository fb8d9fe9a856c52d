/**
 * The GoPublic memory at the size of a municipality, in real n8n 2.41.1: workflows/
 * hr-csv-to-gopublic.json with 20,000 members, and production runs that overlap (the schedule
 * fires every 2 seconds while a night takes longer), as a manual run during the scheduled one
 * would. None may fail on reading the memory, and the memory they leave must be right.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { writeHrCsv } from '../fixtures/hrCsv';
import {
	executionSeconds,
	productionRuns,
	startGoPublicStage,
	type GoPublicStage,
} from '../n8n-runtime/goPublicStage';
import { executionError } from './templateHarness';

const MEMBERS = 20_000;
let stage: GoPublicStage;

before(async () => {
	stage = await startGoPublicStage();
});
after(async () => {
	await stage?.close();
});

test(`${MEMBERS.toLocaleString('en-US')} members: overlapping production runs neither fail on reading the memory nor corrupt it`, async (t) => {
	const rows = stage.rows(MEMBERS + 10);
	writeHrCsv(stage.csvFile, rows.slice(0, MEMBERS));
	const workflow = await stage.importHrWorkflow({ memory: true, everySeconds: 2 });
	const [first] = await productionRuns(stage.n8n, workflow, 1);
	assert.equal(first.status, 'success', executionError(first));
	t.diagnostic(
		`first night: ${MEMBERS} members created in ${executionSeconds(first).toFixed(1)} s`,
	);

	// 30 leave and 10 join; then runs start every 2 seconds, each longer than that.
	const leavers = rows.slice(0, 30);
	const present = rows.slice(30);
	writeHrCsv(stage.csvFile, present);
	const runs = await productionRuns(stage.n8n, workflow, 3);
	const overlapping = runs.filter(
		(run, i) => i > 0 && Date.parse(run.startedAt) < Date.parse(runs[i - 1].stoppedAt!),
	);
	t.diagnostic(
		`${runs.length} runs, ${overlapping.length} started before the one before had ended: ` +
			runs.map((run) => `${run.status} in ${executionSeconds(run).toFixed(1)} s`).join(', '),
	);
	assert.ok(overlapping.length > 0, 'the runs overlapped');
	for (const run of runs) assert.equal(run.status, 'success', executionError(run));

	const member = (uuid: string) => stage.goPublic.state.members.get(uuid);
	for (const row of leavers) assert.equal(member(row.uuids[0])?.locked, true, row.uuids[0]);
	for (const row of present) assert.equal(member(row.uuids[0])?.locked, false, row.uuids[0]);

	const table = await stage.readTable(`GoPublic memory (v2) of workflow ${workflow.id}`);
	assert.ok(table.length <= 64, `${table.length} rows`);
	const memory: Record<string, string> = Object.assign(
		{},
		...table.map((row) => JSON.parse(String(row.members)) as Record<string, string>),
	);
	assert.equal(Object.keys(memory).length, MEMBERS + 10);
	for (const row of leavers) assert.equal(memory[row.cells.UUID], 'locked');
	for (const row of present) assert.equal(memory[row.cells.UUID], 'imported');
});
