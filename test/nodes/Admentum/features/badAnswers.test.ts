/**
 * Answers that are not a people list must stop the node with an error that says what was
 * expected and what came: never an empty or shortened list (the sync would read it as "they left").
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import {
	ADMENTUM_SCHOOLS_ONLY_KEY,
	ADMENTUM_TEST_KEY,
	startAdmentumSimulator,
	type AdmentumSimulator,
	type BadAnswer,
} from '../../../simulators/admentum/admentumSimulator';
import type { RunResult } from '../../../engine/runWorkflow';
import {
	ADMENTUM,
	admentumCredential,
	readPeople,
	runAdmentum,
} from '../../../engine/workflows/admentumWorkflow';

let sim: AdmentumSimulator;
before(async () => (sim = await startAdmentumSimulator()));
after(() => sim.close());
afterEach(() => sim.reset());

const keyNeverShown = (result: RunResult) => {
	const text = JSON.stringify(result.run);
	assert.ok(
		!text.includes(ADMENTUM_TEST_KEY) && !text.includes(ADMENTUM_SCHOOLS_ONLY_KEY),
		'the API key appears in the run',
	);
};

const failedWith = (result: RunResult, pattern: RegExp) => {
	assert.ok(result.error, 'the run should fail');
	assert.match(result.error.message, pattern);
	assert.deepEqual(result.json(ADMENTUM), [], 'no people output');
	keyNeverShown(result);
};

for (const variant of ['csv', 'json'] as const) {
	describe(`bad answers (${variant.toUpperCase()} API)`, () => {
		const url = () => (variant === 'csv' ? sim.csvUrl : sim.jsonUrl);
		const expected =
			variant === 'csv'
				? /CSV with the columns id;first_name;last_name;email;school_id/
				: /JSON pages with a "results" list/;
		const runWith = (badAnswer: BadAnswer) => {
			sim.configure({ badAnswer });
			return runAdmentum(readPeople(['101']), admentumCredential(url()));
		};

		test('a wrong key: 401 in plain words', async () => {
			const result = await runAdmentum(
				readPeople(['101']),
				admentumCredential(url(), { apiKey: 'not-the-key' }),
			);
			failedWith(
				result,
				/Reading the students of school unit 101 failed: Admentum refused the API key/,
			);
		});

		test('a key that may not read people: 403 naming what was refused', async () => {
			const result = await runAdmentum(
				readPeople(['101']),
				admentumCredential(url(), { apiKey: ADMENTUM_SCHOOLS_ONLY_KEY }),
			);
			failedWith(
				result,
				/Reading the students of school unit 101 failed: The API key is not allowed to read this/,
			);
		});

		test('an HTML login page with 200', async () => {
			const result = await runWith('htmlLoginPage');
			failedWith(result, /Admentum answered with an HTML page \(a login page\?\)/);
			assert.match(result.error!.message, expected);
		});

		test('other columns / fields than expected', async () => {
			const result = await runWith('wrongColumns');
			failedWith(
				result,
				variant === 'csv'
					? /columns ID;Förnamn;Efternamn;E-post;Skola \(missing: id, first_name, last_name, email, school_id\)/
					: /records without first_name, last_name/,
			);
		});

		test('an answer cut off in the middle', async () => {
			const result = await runWith('truncated');
			failedWith(
				result,
				variant === 'csv'
					? /CSV that was cut off \(row \d+ has 1 of the header's 9 fields\)/
					: /not complete JSON/,
			);
		});

		test('retries 503 answers and then reads everyone', async () => {
			sim.setFaults({ errorShare: 0.3, errorStatuses: [503], seed: 7 });
			const result = await runAdmentum(
				readPeople(['101', '102', '103']),
				admentumCredential(url()),
			);
			assert.equal(result.error, undefined);
			assert.equal(result.json(ADMENTUM).length, sim.state.world.people.length);
			assert.ok(
				sim.requests.some((r) => r.status === 503),
				'some answers were 503',
			);
			keyNeverShown(result);
		});

		test('with Continue On Fail the error comes out as a failed item, refused as a whole', async () => {
			sim.configure({ badAnswer: 'htmlLoginPage' });
			const result = await runAdmentum(readPeople(['101']), admentumCredential(url()), {
				continueOnFail: true,
			});
			assert.equal(result.error, undefined);
			const [item] = result.json(ADMENTUM);
			const outcome = item._sync as { action: string; reason: string; refusedAsWhole: boolean };
			assert.equal(outcome.action, 'failed');
			assert.equal(outcome.refusedAsWhole, true);
			assert.match(outcome.reason, /HTML page/);
		});
	});
}

test('JSON pages without a results list', async () => {
	sim.configure({ badAnswer: 'noResultsList' });
	const result = await runAdmentum(readPeople(['101']), admentumCredential(sim.jsonUrl));
	failedWith(result, /JSON without a "results" list \(it had: detail, users\)/);
});
