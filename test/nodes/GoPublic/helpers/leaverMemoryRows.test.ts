import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { LeaverMemory } from '../../../../nodes/GoPublic/helpers/leaverMemory';
import {
	BUCKETS,
	changedBucketRows,
	memberRows,
	memoryFromRows,
	readStaticMemory,
} from '../../../../nodes/GoPublic/helpers/leaverMemoryRows';

function memoryOf(count: number): LeaverMemory {
	return new Map(
		Array.from({ length: count }, (_, i) => [`m${i}`, { state: 'imported' as const }]),
	);
}

describe('GoPublic memory rows', () => {
	it('20,000 members fit in at most 64 rows, read back as they were', () => {
		const memory = memoryOf(20_000);
		const rows = changedBucketRows(memory, { memory: undefined, buckets: new Map() });
		assert.ok(rows.length <= BUCKETS && rows.length > 60);
		const read = memoryFromRows(rows);
		assert.equal(read.memory?.size, 20_000);
		assert.deepEqual(read.memory?.get('m19999'), { state: 'imported' });
	});

	it('a quiet night writes no row; one change writes one row; a held code is kept', () => {
		const memory = memoryOf(2_000);
		const read = memoryFromRows(
			changedBucketRows(memory, { memory: undefined, buckets: new Map() }),
		);
		assert.deepEqual(changedBucketRows(read.memory!, read), []);

		const next = new Map(read.memory!);
		next.set('m7', { state: 'imported', heldCode: '3-abcdef' });
		const rows = changedBucketRows(next, read);
		assert.equal(rows.length, 1);
		assert.deepEqual(memoryFromRows([rows[0]]).memory?.get('m7'), {
			state: 'imported',
			heldCode: '3-abcdef',
		});
	});

	it("reads version 1's member rows and static data, and writes version 1's rows", () => {
		const read = memoryFromRows([
			{ uuids: 'a|b', imported: true, locked: false },
			{ uuids: 'c', imported: false, locked: true },
			{},
		]);
		assert.deepEqual(
			[...read.memory!],
			[
				['a|b', { state: 'imported' }],
				['c', { state: 'locked' }],
			],
		);
		assert.deepEqual(memberRows(read.memory!), [
			{ uuids: 'a|b', imported: true, locked: false },
			{ uuids: 'c', imported: false, locked: true },
		]);
		const old = readStaticMemory({ goPublicLastImport: { members: [['x']], locked: [['y']] } });
		assert.deepEqual(
			[...old!],
			[
				['x', { state: 'imported' }],
				['y', { state: 'locked' }],
			],
		);
	});

	it('an empty table is no memory: the first night locks nobody', () => {
		assert.equal(memoryFromRows([{}]).memory, undefined);
		assert.match(String(memoryFromRows([{ bucket: 3, members: 'not json' }]).problem), /bucket 3/);
	});
});
