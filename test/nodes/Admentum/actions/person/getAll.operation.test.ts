/**
 * Person → Get Many against the simulator, once per API variant: the same people must come out
 * of the CSV export API and of the JSON API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
	startAdmentumSimulator,
	type AdmentumSimulator,
} from '../../../../simulators/admentum/admentumSimulator';
import { TRICKY_VALUES } from '../../../../simulators/admentum/seedAdmentum';
import { generatePeople, type Person } from '../../../../simulators/seed/people';
import {
	ADMENTUM,
	admentumCredential,
	readPeople,
	runAdmentum,
} from '../../../../engine/workflows/admentumWorkflow';

let sim: AdmentumSimulator;
before(async () => (sim = await startAdmentumSimulator()));
after(() => sim.close());

const people = () => sim.state.world.people;
const person = (id: number) => people().find((p) => p.id === id)!;
const inSchools = (p: Person, ids: number[]) => p.schoolIds.some((id) => ids.includes(id));

for (const variant of ['csv', 'json'] as const) {
	describe(`Person → Get Many (${variant.toUpperCase()} API)`, () => {
		const url = () => (variant === 'csv' ? sim.csvUrl : sim.jsonUrl);
		const run = (schoolIds: unknown, options = {}, more = {}) =>
			runAdmentum(readPeople(schoolIds, options, more), admentumCredential(url()));
		const byExternalId = (items: Array<Record<string, unknown>>) =>
			new Map(items.map((i) => [i.externalId as string, i]));

		test('reads every person of the chosen schools once, in the documented shape', async () => {
			const result = await run(['101', '102']);
			assert.equal(result.error, undefined);
			const items = result.json(ADMENTUM);
			const expected = people().filter((p) => inSchools(p, [101, 102]));
			assert.equal(items.length, expected.length);
			assert.equal(
				new Set(items.map((i) => i.externalId)).size,
				items.length,
				'one item per person',
			);
			const sample = expected.find(
				(p) => p.role === 'student' && p.email && p.className && !p.className.includes('\n'),
			)!;
			assert.deepEqual(byExternalId(items).get(String(sample.id)), {
				externalId: String(sample.id),
				firstName: sample.firstName,
				lastName: sample.lastName,
				email: sample.email,
				role: 'student',
				schoolIds: sample.schoolIds.map(String),
				className: sample.className,
				emailMissing: false,
				admentumId: String(sample.id),
			});
			assert.deepEqual(result.json(ADMENTUM, 1), [], 'nobody on the No Email output by default');
			assert.ok(
				result.output(ADMENTUM).every((item) => JSON.stringify(item.pairedItem) === '{"item":0}'),
			);
		});

		test('the school filter: only people of the chosen school, asked for by school', async () => {
			const before = sim.requests.length;
			const items = (await run(['103'])).json(ADMENTUM);
			assert.equal(items.length, people().filter((p) => p.schoolIds.includes(103)).length);
			assert.ok(items.every((i) => (i.schoolIds as string[]).includes('103')));
			const asked = sim.requests.slice(before).map((r) => r.path);
			assert.ok(
				asked.every((path) => /school(_id)?=103/.test(path)),
				asked.join('\n'),
			);
		});

		test('school units given by expression as text "101, 103" work like picked ones', async () => {
			const picked = (await run(['101', '103'])).json(ADMENTUM);
			const typed = (await run('={{ "101, 103" }}')).json(ADMENTUM);
			assert.deepEqual(typed, picked);
		});

		test('a person in several chosen schools is one item with all their school ids', async () => {
			const multi = people().find((p) => p.schoolIds.length > 1)!;
			const items = (await run(['101', '102', '103'])).json(ADMENTUM);
			const found = items.filter((i) => i.admentumId === String(multi.id));
			assert.equal(found.length, 1);
			assert.deepEqual(
				[...(found[0].schoolIds as string[])].sort(),
				multi.schoolIds.map(String).sort(),
			);
		});

		test('only teachers, when asked: they carry title, not className', async () => {
			const items = (await run(['101', '102', '103'], {}, { roles: 'teacher' })).json(ADMENTUM);
			assert.equal(items.length, people().filter((p) => p.role === 'teacher').length);
			assert.ok(items.every((i) => i.role === 'teacher' && 'title' in i && !('className' in i)));
		});

		test('people without e-mail are kept and flagged by default', async () => {
			const items = (await run(['101', '102', '103'])).json(ADMENTUM);
			const missing = people()
				.filter((p) => p.email === null)
				.map((p) => String(p.id))
				.sort();
			assert.ok(missing.length > 0);
			const flagged = items.filter((i) => i.emailMissing === true);
			assert.deepEqual(flagged.map((i) => i.externalId).sort(), missing);
			assert.ok(flagged.every((i) => i.email === null));
		});

		test('people without e-mail go to the No Email output with the reason, when chosen', async () => {
			const result = await run(['101', '102', '103'], { withoutEmail: 'separate' });
			const main = result.json(ADMENTUM, 0);
			const noEmail = result.json(ADMENTUM, 1);
			assert.equal(main.length + noEmail.length, people().length, 'nobody dropped');
			assert.ok(main.every((i) => i.emailMissing === false));
			assert.equal(noEmail.length, people().filter((p) => p.email === null).length);
			assert.ok(
				noEmail.every(
					(i) => i.emailMissing === true && i.reason === 'No e-mail address in Admentum',
				),
			);
		});

		test('quoted fields with ";", a line break and quotes come through intact, Swedish letters too', async () => {
			const items = byExternalId((await run(['101', '102', '103'])).json(ADMENTUM));
			const { tricky } = sim.state;
			assert.equal(
				items.get(String(tricky.titleWithSemicolon))?.title,
				TRICKY_VALUES.titleWithSemicolon,
			);
			assert.equal(
				items.get(String(tricky.classNameWithNewline))?.className,
				TRICKY_VALUES.classNameWithNewline,
			);
			assert.equal(
				items.get(String(tricky.firstNameWithQuotes))?.firstName,
				TRICKY_VALUES.firstNameWithQuotes,
			);
			const swedish = people().find((p) => /[åäö]/.test(p.lastName))!;
			assert.equal(items.get(String(swedish.id))?.lastName, swedish.lastName);
		});

		test('e-mails are trimmed and lower-cased by default; trimmed only when lower-casing is off', async () => {
			const id = String(sim.state.tricky.untidyEmail);
			const lower = byExternalId((await run(['101', '102', '103'])).json(ADMENTUM)).get(id);
			assert.equal(lower?.email, TRICKY_VALUES.untidyEmail.trim().toLowerCase());
			const asIs = byExternalId(
				(await run(['101', '102', '103'], { lowerCaseEmail: false })).json(ADMENTUM),
			).get(id);
			assert.equal(asIs?.email, TRICKY_VALUES.untidyEmail.trim());
		});

		test('external id from id, eid or guid', async () => {
			const sample = person(people()[5].id);
			for (const [source, expected] of [
				['id', String(sample.id)],
				['eid', sample.eid],
				['guid', sample.guid],
			]) {
				const items = (await run(sample.schoolIds.map(String), { externalIdFrom: source })).json(
					ADMENTUM,
				);
				const found = items.find((i) => i.admentumId === String(sample.id));
				assert.equal(found?.externalId, expected, source);
			}
		});

		test('personnummer is absent by default and present when turned on', async () => {
			const off = (await run(['101'])).json(ADMENTUM);
			assert.ok(off.every((i) => !('personnummer' in i)));
			assert.ok(!JSON.stringify(off).includes(people()[0].personnummer.slice(0, 8)));
			const on = (await run(['101'], { includePersonnummer: true })).json(ADMENTUM);
			const sample = on[0];
			assert.equal(sample.personnummer, person(Number(sample.admentumId)).personnummer);
		});

		test('the key can also be sent as Bearer, or in a custom header', async () => {
			const bearer = await runAdmentum(
				readPeople(['101']),
				admentumCredential(url(), { keyPlacement: 'bearer' }),
			);
			assert.equal(bearer.error, undefined);
			assert.ok(bearer.json(ADMENTUM).length > 0);
			sim.configure({ keyHeader: 'X-Api-Key' });
			try {
				const custom = await runAdmentum(
					readPeople(['101']),
					admentumCredential(url(), { keyPlacement: 'customHeader', headerName: 'X-Api-Key' }),
				);
				assert.equal(custom.error, undefined);
				assert.equal(custom.json(ADMENTUM).length, bearer.json(ADMENTUM).length);
			} finally {
				sim.configure({ keyHeader: 'Authorization' });
			}
		});
	});
}

describe('Person → Get Many (JSON API paging)', () => {
	let big: AdmentumSimulator;
	before(
		async () =>
			(big = await startAdmentumSimulator({
				world: generatePeople({ count: 1300, schoolCount: 1 }),
			})),
	);
	after(() => big.close());

	test('follows the next links through every page', async () => {
		const result = await runAdmentum(
			readPeople(['101'], {}, { roles: 'student' }),
			admentumCredential(big.jsonUrl),
		);
		const students = big.state.world.people.filter((p) => p.role === 'student').length;
		assert.ok(students > 1000);
		assert.equal(result.json(ADMENTUM).length, students);
		const pages = big.requests.filter((r) => r.path.startsWith('/api/v1/users'));
		assert.equal(pages.length, Math.ceil(students / 500));
		assert.ok(pages.slice(1).every((r, i) => r.path.includes(`page=${i + 2}`)));
	});
});
