import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
	detectDelimiter,
	parseCsvTable,
	rowsAsRecords,
} from '../../../../nodes/Admentum/transport/parseCsvTable';

const BOM = '\uFEFF';

test('detects ";" and "," from the header line', () => {
	assert.equal(detectDelimiter(`${BOM}id;first_name;email\r\n1;a,b;c\r\n`), ';');
	assert.equal(detectDelimiter('id,first_name,email\n1,Åsa;Li,x\n'), ',');
});

test('strips the byte-order mark, keeps quoted ";", line breaks, quotes and Swedish letters', () => {
	const text = `${BOM}id;title;class_name\r\n1;"Lärare; mentor";"9B\nSpråkval"\r\n2;"Åsa ""Åsis""";Ö\r\n`;
	const { table } = parseCsvTable(text);
	assert.deepEqual(table?.header, ['id', 'title', 'class_name']);
	assert.deepEqual(rowsAsRecords(table!), [
		{ id: '1', title: 'Lärare; mentor', class_name: '9B\nSpråkval' },
		{ id: '2', title: 'Åsa "Åsis"', class_name: 'Ö' },
	]);
});

test('reads comma-separated CSV too', () => {
	const { table } = parseCsvTable('id,first_name\n7,Ærø\n');
	assert.deepEqual(rowsAsRecords(table!), [{ id: '7', first_name: 'Ærø' }]);
});

test('a last row with fewer fields than the header is a cut-off answer', () => {
	assert.deepEqual(parseCsvTable('id;a;b\n1;x;y\n2;x\n'), {
		problem: "CSV that was cut off (row 2 has 2 of the header's 3 fields)",
	});
});

test('a row of another length in the middle is reported as such', () => {
	assert.match(
		parseCsvTable('id;a\n1;x;y\n2;x\n').problem ?? '',
		/CSV with rows of different lengths \(row 1 has 3/,
	);
});

test('an answer ending inside a quoted field is a cut-off answer', () => {
	assert.deepEqual(parseCsvTable('id;title\n1;"Lärare; men'), {
		problem: 'CSV that was cut off (it ends inside a quoted field)',
	});
});

test('an empty answer has no header', () => {
	assert.deepEqual(parseCsvTable('').table?.header, []);
});
