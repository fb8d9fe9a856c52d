import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	toBase64,
	toBoolean,
	toIsoDateTime,
	toPathList,
	toText,
	toTextList,
} from '../../../../nodes/GoPublic/helpers/fieldForms';

const EMPTIES = [undefined, null, '', '   '];

describe('GoPublic field forms', () => {
	it('every form reads empty values as undefined', () => {
		for (const form of [toText, toTextList, toPathList, toBoolean, toIsoDateTime, toBase64]) {
			for (const empty of EMPTIES) assert.equal(form(empty), undefined, `${form.name}(${empty})`);
		}
	});

	it('toText: trimmed text, numbers as text, other values unchanged for validation to name', () => {
		assert.equal(toText('  Anna '), 'Anna');
		assert.equal(toText(10377), '10377');
		assert.equal(toText(12n), '12');
		const object = { a: 1 };
		assert.equal(toText(object), object);
		assert.equal(toText(true), true);
	});

	it('toTextList: |-text or arrays, quotes and spaces removed, empty parts and repeats dropped', () => {
		assert.deepEqual(toTextList('"a"| "b" ||c |a'), ['a', 'b', 'c']);
		assert.deepEqual(toTextList([' x ', '"y"', '', 7]), ['x', 'y', '7']);
		assert.deepEqual(toTextList('Lærer'), ['Lærer']);
		assert.deepEqual(toTextList(42), ['42']);
		assert.equal(toTextList(' | "" | '), undefined);
		assert.equal(toTextList([]), undefined);
	});

	it('toTextList: only the quotes around a whole value go; a list with non-text is returned as given', () => {
		assert.deepEqual(toTextList('say "hi"|"x'), ['say "hi"', '"x']);
		const mixed = ['a', { b: 1 }];
		assert.equal(toTextList(mixed), mixed);
	});

	it('toPathList: a text list whose paths lose the spaces around each level', () => {
		assert.deepEqual(toPathList('Skoler / Nord | "Skoler/Syd "'), ['Skoler/Nord', 'Skoler/Syd']);
		assert.deepEqual(toPathList(['A /B/ C']), ['A/B/C']);
		assert.deepEqual(
			toPathList('Skoler//Nord'),
			['Skoler//Nord'],
			'empty levels are for validation',
		);
		const object = { path: 'Skoler/Nord' };
		assert.equal(toPathList(object), object);
	});

	it('toPathList: a list holding non-text is returned unchanged for validation to name', () => {
		const mixed = ['Skoler/Nord', { x: 1 }];
		assert.equal(toPathList(mixed), mixed);
	});

	it('toBoolean: booleans, and yes/no words in English, Danish and Swedish, 1/0, in any case', () => {
		for (const word of [true, 'True', 'TRUE', ' yes ', 'Ja', 'j', 'Y', '1', 1, 'on'])
			assert.equal(toBoolean(word), true, String(word));
		for (const word of [false, 'False', 'FALSE', 'no', 'NEJ', 'nei', 'n', '0', 0, 'Off'])
			assert.equal(toBoolean(word), false, String(word));
		assert.equal(toBoolean('maybe'), 'maybe');
		assert.equal(toBoolean(2), 2);
	});

	it('toIsoDateTime: ISO and day-first dates become midnight UTC; date-times become ISO', () => {
		const christmasEve = '1980-12-24T00:00:00.000Z';
		for (const text of ['1980-12-24', '24-12-1980', '24.12.1980', '24/12/1980', ' 1980-12-24 '])
			assert.equal(toIsoDateTime(text), christmasEve, text);
		assert.equal(toIsoDateTime('2024-8-1'), '2024-08-01T00:00:00.000Z');
		assert.equal(toIsoDateTime('1.8.2024'), '2024-08-01T00:00:00.000Z');
		assert.equal(toIsoDateTime('2024-08-01T10:30:00+02:00'), '2024-08-01T08:30:00.000Z');
	});

	it('toIsoDateTime: JavaScript and Luxon dates are taken; what is no date is returned unchanged', () => {
		assert.equal(toIsoDateTime(new Date(Date.UTC(2024, 7, 1))), '2024-08-01T00:00:00.000Z');
		const luxonLike = { toISO: () => '2024-08-01T00:00:00.000+02:00' };
		assert.equal(toIsoDateTime(luxonLike), '2024-08-01T00:00:00.000+02:00');
		for (const notADate of ['31-02-2024', '2024-13-01', '12/24/1980', 'tomorrow', 20240801])
			assert.equal(toIsoDateTime(notADate), notADate, String(notADate));
		const invalid = new Date('nope');
		assert.equal(toIsoDateTime(invalid), invalid);
	});

	it('toBase64: trimmed, without a data: URL prefix', () => {
		assert.equal(toBase64(' iVBORw0KGgo= '), 'iVBORw0KGgo=');
		assert.equal(toBase64('data:image/png;base64,iVBORw0KGgo='), 'iVBORw0KGgo=');
		assert.equal(toBase64(5), '5');
	});
});
