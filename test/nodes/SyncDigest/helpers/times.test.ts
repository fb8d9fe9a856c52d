import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { dayText, readSince, readTime, timeText } from '../../../../nodes/SyncDigest/helpers/times';

const STOCKHOLM = 'Europe/Stockholm';

describe('times in the digest', () => {
	it('shows a time as a reader there reads it: weekday, day, month, 24-hour clock', () => {
		assert.equal(timeText(new Date('2026-12-07T01:00:00Z'), STOCKHOLM), 'Mon 7 Dec 02:00');
		assert.equal(timeText(new Date('2026-07-06T22:05:00Z'), STOCKHOLM), 'Tue 7 Jul 00:05');
		assert.equal(timeText(new Date('2026-12-07T01:00:00Z'), 'UTC'), 'Mon 7 Dec 01:00');
		assert.equal(dayText(new Date('2026-12-06T23:30:00Z'), STOCKHOLM), 'Mon 7 Dec');
		assert.equal(dayText(new Date('2026-12-06T23:30:00Z'), 'UTC'), 'Sun 6 Dec');
	});

	it('reads a time with Z or an offset as that moment, and one without in the time zone', () => {
		const at = (text: string) => readTime(text, STOCKHOLM)?.toISOString();
		assert.equal(at('2026-12-07T07:00:00.000Z'), '2026-12-07T07:00:00.000Z');
		assert.equal(at('2026-12-07T07:00:00.000+01:00'), '2026-12-07T06:00:00.000Z');
		assert.equal(at('2026-12-07T07:00:00'), '2026-12-07T06:00:00.000Z');
		assert.equal(at('2026-07-07T07:00'), '2026-07-07T05:00:00.000Z');
		assert.equal(at('2026-07-07'), '2026-07-06T22:00:00.000Z');
		// Around a daylight-saving change: 02:30 on 25 October happens twice (the clocks go back at
		// 03:00) and is read as the second; 02:30 on 29 March never happens (02:00 → 03:00) and is
		// read as an hour later. Either way the time is a real moment, never an error.
		assert.equal(at('2026-10-25T01:30:00'), '2026-10-24T23:30:00.000Z');
		assert.equal(at('2026-10-25T02:30:00'), '2026-10-25T01:30:00.000Z');
		assert.equal(at('2026-10-25T04:00:00'), '2026-10-25T03:00:00.000Z');
		assert.equal(at('2026-03-29T02:30:00'), '2026-03-29T01:30:00.000Z');
		assert.equal(at('2026-03-29T03:30:00'), '2026-03-29T01:30:00.000Z');
	});

	it('takes Dates and objects that know their ISO form, and nothing else', () => {
		const moment = new Date('2026-12-07T06:00:00Z');
		assert.equal(readTime(moment, STOCKHOLM), moment);
		const luxonLike = { toISO: () => '2026-12-07T07:00:00.000+01:00' };
		assert.equal(readTime(luxonLike, STOCKHOLM)?.toISOString(), moment.toISOString());
		for (const nothing of ['', 'yesterday', 42, null, undefined, {}, new Date(NaN)]) {
			assert.equal(readTime(nothing, STOCKHOLM), undefined, String(nothing));
		}
	});

	it('an empty Since is 24 hours before now; anything else must be a time', () => {
		const now = new Date('2026-12-07T06:00:00Z');
		assert.equal(readSince('', STOCKHOLM, now)?.toISOString(), '2026-12-06T06:00:00.000Z');
		assert.equal(readSince(undefined, STOCKHOLM, now)?.toISOString(), '2026-12-06T06:00:00.000Z');
		assert.equal(
			readSince('2026-12-06T07:00:00', STOCKHOLM, now)?.toISOString(),
			'2026-12-06T06:00:00.000Z',
		);
		assert.equal(readSince('last Monday', STOCKHOLM, now), undefined);
	});
});
