/** The school unit IDs and e-mail types as the admin gives them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { idListFrom, orderedTextList } from '../../../../nodes/Ss12000/helpers/idList';

test('idListFrom: picked IDs (an array) as they are, once each, blanks dropped', () => {
	assert.deepEqual(idListFrom(['b', 'a', 'b', ' ', '']), ['b', 'a']);
	assert.deepEqual(idListFrom([]), []);
});

test('idListFrom: IDs by expression as text separated by commas, semicolons or spaces', () => {
	assert.deepEqual(idListFrom('id1, id2;id3\nid4  id1'), ['id1', 'id2', 'id3', 'id4']);
	assert.deepEqual(idListFrom(' , ; '), []);
	assert.deepEqual(idListFrom(['a, b', 'c']), ['a', 'b', 'c']);
});

test('idListFrom: numbers become text; null and undefined are nothing', () => {
	assert.deepEqual(idListFrom([101, null, undefined, '102']), ['101', '102']);
	assert.deepEqual(idListFrom(undefined), []);
	assert.deepEqual(idListFrom(null), []);
	assert.deepEqual(idListFrom(7), ['7']);
});

test('orderedTextList: comma-separated words in the given order, spaces inside kept', () => {
	assert.deepEqual(orderedTextList('Skola personal, Arbete övrigt,,Privat '), [
		'Skola personal',
		'Arbete övrigt',
		'Privat',
	]);
	assert.deepEqual(orderedTextList(''), []);
	assert.deepEqual(orderedTextList(undefined), []);
});
