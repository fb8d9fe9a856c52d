import assert from 'node:assert/strict';
import { test } from 'node:test';

import { InMemoryDataTables } from './dataTables';
import { runWorkflow } from './runWorkflow';
import {
	createTableWorkflow,
	DATA_TABLE_NODE,
	deleteRowsWorkflow,
	getAllRowsWorkflow,
	upsertRowsWorkflow,
} from './workflows/dataTableWorkflow';

const PEOPLE_COLUMNS = [
	{ name: 'uuids', type: 'string' as const },
	{ name: 'name', type: 'string' as const },
	{ name: 'night', type: 'number' as const },
];
const byUuids = [{ keyName: 'uuids', condition: 'eq' as const, keyValue: '={{ $json.uuids }}' }];

test('create with "Reuse Existing Tables" twice gives the same table', async () => {
	const dataTables = new InMemoryDataTables();
	const workflow = createTableWorkflow('people', PEOPLE_COLUMNS);

	const first = await runWorkflow(workflow, { dataTables });
	const second = await runWorkflow(workflow, { dataTables });

	assert.equal(first.error, undefined);
	assert.equal(second.error, undefined);
	const [created] = first.json(DATA_TABLE_NODE);
	const [reused] = second.json(DATA_TABLE_NODE);
	assert.equal(typeof created.id, 'string');
	assert.equal(reused.id, created.id);
	assert.equal(reused.name, 'people');
	assert.deepEqual(
		(reused.columns as Array<{ name: string; type: string; index: number }>).map(
			({ name, type, index }) => ({ name, type, index }),
		),
		[
			{ name: 'uuids', type: 'string', index: 0 },
			{ name: 'name', type: 'string', index: 1 },
			{ name: 'night', type: 'number', index: 2 },
		],
	);
	assert.equal(dataTables.calls.createDataTable, 1);
	assert.equal(dataTables.calls.getManyAndCount, 2);
	assert.equal(dataTables.table('people')?.id, created.id);
});

test("n8n's name lookup is a case-insensitive substring match, newest first: a longer name can hide the table", async () => {
	let clock = Date.parse('2025-01-01T00:00:00Z');
	const dataTables = new InMemoryDataTables({ now: () => new Date((clock += 1000)) });
	dataTables.createTable('people', PEOPLE_COLUMNS);
	dataTables.createTable('People_archive', PEOPLE_COLUMNS);

	// What real n8n does: the lookup (take 1) finds "People_archive", the exact-name check fails,
	// and creating "people" again is a name conflict.
	const run = await runWorkflow(createTableWorkflow('people', PEOPLE_COLUMNS), { dataTables });

	assert.equal(run.error?.message, "Data table with name 'people' already exists in this project");
	assert.equal(dataTables.calls.createDataTable, 1);
});

test('upsert inserts the first time and updates the same row the next time', async () => {
	const dataTables = new InMemoryDataTables();
	dataTables.createTable('people', PEOPLE_COLUMNS);

	const inserted = await runWorkflow(
		upsertRowsWorkflow('people', [{ uuids: 'u-1', name: 'Ann', night: 1 }], byUuids),
		{ dataTables },
	);
	assert.equal(inserted.error, undefined);
	const [insertedRow] = inserted.json(DATA_TABLE_NODE);
	assert.equal(insertedRow.id, 1);
	assert.equal(insertedRow.name, 'Ann');
	assert.ok(insertedRow.createdAt instanceof Date);

	const updated = await runWorkflow(
		upsertRowsWorkflow('people', [{ uuids: 'u-1', name: 'Anna', night: '2' }], byUuids),
		{ dataTables },
	);
	assert.equal(updated.error, undefined);
	assert.deepEqual(
		updated.json(DATA_TABLE_NODE).map(({ id, uuids, name, night }) => ({ id, uuids, name, night })),
		[{ id: 1, uuids: 'u-1', name: 'Anna', night: 2 }],
	);
	const rows = dataTables.rows('people');
	assert.equal(rows.length, 1);
	assert.deepEqual(
		{ id: rows[0].id, uuids: rows[0].uuids, name: rows[0].name, night: rows[0].night },
		{ id: 1, uuids: 'u-1', name: 'Anna', night: 2 },
	);
	assert.ok(rows[0].updatedAt.getTime() >= rows[0].createdAt.getTime());
	assert.equal(dataTables.calls.upsertRow, 2);
});

test('upsert rejects a column the table does not have, as n8n does', async () => {
	const dataTables = new InMemoryDataTables();
	dataTables.createTable('people', PEOPLE_COLUMNS);

	const run = await runWorkflow(
		upsertRowsWorkflow('people', [{ uuids: 'u-1', email: 'a@example.org' }], byUuids),
		{ dataTables },
	);

	assert.equal(run.error?.message, "unknown column name 'email'");
	assert.deepEqual(dataTables.rows('people'), []);
});

test('get with Return All returns every row, dates as ISO strings (typeVersion 1.1)', async () => {
	const dataTables = new InMemoryDataTables();
	dataTables.createTable('people', PEOPLE_COLUMNS);
	dataTables.insert('people', [
		{ uuids: 'u-1', name: 'Ann', night: 1 },
		{ uuids: 'u-2', name: 'Bo', night: 2 },
		{ uuids: 'u-3', name: null, night: 3 },
	]);

	const run = await runWorkflow(getAllRowsWorkflow('people'), { dataTables });

	assert.equal(run.error, undefined);
	const rows = run.json(DATA_TABLE_NODE);
	assert.deepEqual(
		rows.map(({ id, uuids, name, night }) => ({ id, uuids, name, night })),
		[
			{ id: 1, uuids: 'u-1', name: 'Ann', night: 1 },
			{ id: 2, uuids: 'u-2', name: 'Bo', night: 2 },
			{ id: 3, uuids: 'u-3', name: null, night: 3 },
		],
	);
	assert.equal(rows[0].createdAt, dataTables.rows('people')[0].createdAt.toISOString());
	assert.equal(dataTables.calls.getManyRowsAndCount, 1);
});

test('get with Return All pages through 2,500 rows in three pages of up to 1,000', async () => {
	const dataTables = new InMemoryDataTables();
	dataTables.createTable('people', PEOPLE_COLUMNS);
	dataTables.insert(
		'people',
		Array.from({ length: 2500 }, (_, i) => ({ uuids: `u-${i + 1}`, name: `P${i + 1}`, night: 1 })),
	);
	const pages: Array<{ skip: number; take: number | undefined; returned: number }> = [];
	dataTables.onRowsRead('people', ({ skip, take, returned }) =>
		pages.push({ skip, take, returned }),
	);

	const run = await runWorkflow(getAllRowsWorkflow('people'), { dataTables });

	assert.equal(run.error, undefined);
	const rows = run.json(DATA_TABLE_NODE);
	assert.equal(rows.length, 2500);
	assert.deepEqual(
		rows.map((row) => row.id),
		Array.from({ length: 2500 }, (_, i) => i + 1),
	);
	assert.equal(rows[2499].uuids, 'u-2500');
	assert.deepEqual(pages, [
		{ skip: 0, take: 1000, returned: 1000 },
		{ skip: 1000, take: 1000, returned: 1000 },
		{ skip: 2000, take: 500, returned: 500 },
	]);
	assert.equal(dataTables.calls.getManyRowsAndCount, 3);
});

test("a row added between two pages fails the read with n8n's synchronization error", async () => {
	const dataTables = new InMemoryDataTables();
	dataTables.createTable('people', PEOPLE_COLUMNS);
	dataTables.insert(
		'people',
		Array.from({ length: 2500 }, (_, i) => ({ uuids: `u-${i + 1}`, name: `P${i + 1}`, night: 1 })),
	);
	// A concurrent run inserts a row right after this run read its first page.
	dataTables.onRowsRead('people', ({ call }) => {
		if (call === 1) dataTables.insert('people', [{ uuids: 'late', name: 'Late', night: 1 }]);
	});

	const run = await runWorkflow(getAllRowsWorkflow('people'), { dataTables });

	assert.equal(run.error?.message, 'synchronization error: result count changed during pagination');
	assert.equal(dataTables.calls.getManyRowsAndCount, 2);
	assert.equal(dataTables.rows('people').length, 2501);
});

test('deleteRows with an lt filter deletes the matching rows only (NULL never matches lt)', async () => {
	const dataTables = new InMemoryDataTables();
	dataTables.createTable('people', PEOPLE_COLUMNS);
	dataTables.insert('people', [
		{ uuids: 'u-1', name: 'Ann', night: 1 },
		{ uuids: 'u-2', name: 'Bo', night: 2 },
		{ uuids: 'u-3', name: 'Cy', night: 3 },
		{ uuids: 'u-4', name: 'Di', night: null },
	]);

	const run = await runWorkflow(
		deleteRowsWorkflow('people', [{ keyName: 'night', condition: 'lt', keyValue: 3 }]),
		{ dataTables },
	);

	assert.equal(run.error, undefined);
	assert.deepEqual(
		run.json(DATA_TABLE_NODE).map(({ id, uuids, night }) => ({ id, uuids, night })),
		[
			{ id: 1, uuids: 'u-1', night: 1 },
			{ id: 2, uuids: 'u-2', night: 2 },
		],
	);
	assert.deepEqual(
		dataTables.rows('people').map(({ id, uuids, night }) => ({ id, uuids, night })),
		[
			{ id: 3, uuids: 'u-3', night: 3 },
			{ id: 4, uuids: 'u-4', night: null },
		],
	);
	assert.equal(dataTables.calls.deleteRows, 1);
});

test('filters follow SQL: neq matches NULL, ilike ignores case, isEmpty is NULL or empty', async () => {
	const dataTables = new InMemoryDataTables();
	dataTables.createTable('people', PEOPLE_COLUMNS);
	dataTables.insert('people', [
		{ uuids: 'u-1', name: 'Ann', night: 1 },
		{ uuids: 'u-2', name: '', night: 2 },
		{ uuids: 'u-3', name: null, night: null },
		{ uuids: 'u-4', name: 'annika', night: 4 },
	]);
	const uuidsOf = async (conditions: Parameters<typeof getAllRowsWorkflow>[1]) => {
		const run = await runWorkflow(getAllRowsWorkflow('people', conditions), { dataTables });
		assert.equal(run.error, undefined);
		return run.json(DATA_TABLE_NODE).map((row) => row.uuids);
	};

	assert.deepEqual(await uuidsOf([{ keyName: 'night', condition: 'neq', keyValue: 2 }]), [
		'u-1',
		'u-3',
		'u-4',
	]);
	assert.deepEqual(await uuidsOf([{ keyName: 'name', condition: 'ilike', keyValue: 'ANN' }]), [
		'u-1',
		'u-4',
	]);
	assert.deepEqual(await uuidsOf([{ keyName: 'name', condition: 'like', keyValue: 'Ann' }]), [
		'u-1',
	]);
	assert.deepEqual(await uuidsOf([{ keyName: 'name', condition: 'isEmpty' }]), ['u-2', 'u-3']);
	assert.deepEqual(await uuidsOf([{ keyName: 'night', condition: 'isEmpty' }]), ['u-3']);
	assert.deepEqual(await uuidsOf([{ keyName: 'night', condition: 'gte', keyValue: 2 }]), [
		'u-2',
		'u-4',
	]);
});

test("the store's tables and rows outlive a run: tonight's upserts are read tomorrow, until an admin clears the table", async () => {
	const dataTables = new InMemoryDataTables();
	const create = createTableWorkflow('buckets', [
		{ name: 'bucket', type: 'string' },
		{ name: 'count', type: 'number' },
		{ name: 'seenAt', type: 'date' },
	]);
	const byBucket = [
		{ keyName: 'bucket', condition: 'eq' as const, keyValue: '={{ $json.bucket }}' },
	];

	// Night 1
	assert.equal((await runWorkflow(create, { dataTables })).error, undefined);
	const night1 = await runWorkflow(
		upsertRowsWorkflow(
			'buckets',
			[
				{ bucket: 'a', count: 1, seenAt: '2025-03-01T02:00:00.000Z' },
				{ bucket: 'b', count: 5, seenAt: '2025-03-01T02:00:00.000Z' },
			],
			byBucket,
		),
		{ dataTables },
	);
	assert.equal(night1.error, undefined);

	// Night 2: same table, the rows from night 1 are there.
	assert.equal((await runWorkflow(create, { dataTables })).error, undefined);
	const night2 = await runWorkflow(getAllRowsWorkflow('buckets'), { dataTables });
	assert.equal(night2.error, undefined);
	assert.deepEqual(
		night2
			.json(DATA_TABLE_NODE)
			.map(({ id, bucket, count, seenAt }) => ({ id, bucket, count, seenAt })),
		[
			{ id: 1, bucket: 'a', count: 1, seenAt: '2025-03-01T02:00:00.000Z' },
			{ id: 2, bucket: 'b', count: 5, seenAt: '2025-03-01T02:00:00.000Z' },
		],
	);
	assert.ok(dataTables.rows('buckets')[0].seenAt instanceof Date);
	assert.equal(dataTables.calls.createDataTable, 1);

	// An admin clears the table in the editor; the next night starts empty, ids keep counting.
	assert.equal(dataTables.clear('buckets'), 2);
	const night3 = await runWorkflow(
		upsertRowsWorkflow('buckets', [{ bucket: 'a', count: 2, seenAt: null }], byBucket),
		{ dataTables },
	);
	assert.equal(night3.error, undefined);
	assert.deepEqual(
		dataTables
			.rows('buckets')
			.map(({ id, bucket, count, seenAt }) => ({ id, bucket, count, seenAt })),
		[{ id: 3, bucket: 'a', count: 2, seenAt: null }],
	);
});
