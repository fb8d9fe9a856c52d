import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { generatePeople } from '../../../../simulators/seed/people';
import {
	learnifierRealmFrom,
	startLearnifierSimulator,
	type LearnifierSimulator,
} from '../../../../simulators/learnifier/learnifierSimulator';
import {
	LEARNIFIER,
	QUICK_RETRIES,
	runLearnifier,
	usersWithExternalId,
} from '../../../../engine/workflows/learnifierWorkflow';

const realm = learnifierRealmFrom(generatePeople({ seed: 4, count: 20 }).people, { admins: 1 });
const holder = realm.find((u) => u.primaryEmail)!;

const createParameters = (options = {}) => ({
	operation: 'create',
	externalId: '={{ $json.id }}',
	firstName: '={{ $json.first }}',
	lastName: '={{ $json.last }}',
	primaryEmail: '={{ $json.email }}',
	additionalFields: { locale: 'sv', displayName: '={{ $json.first }} {{ $json.last }}' },
	options: { ...QUICK_RETRIES, ...options },
});

const person = (n: number, email: string | null = `p${n}@example.se`) => ({
	id: `new-${n}`,
	first: 'Åsa',
	last: `Öberg ${n}`,
	email,
});

describe('Learnifier → User → Create', () => {
	let sim: LearnifierSimulator;
	before(async () => (sim = await startLearnifierSimulator({ users: realm })));
	after(async () => sim.close());
	beforeEach(() => sim.reset());

	it('creates each user once, with the mapped fields, and outputs it with _sync.action created', async () => {
		const result = await runLearnifier(sim, createParameters(), {
			items: [person(1), person(2, null)],
		});
		assert.equal(result.error, undefined);
		const out = result.json(LEARNIFIER);
		assert.equal(out.length, 2);
		const stored = usersWithExternalId(sim, 'new-1');
		assert.equal(stored.length, 1);
		assert.deepEqual(
			{ ...stored[0] },
			{
				id: out[0].id,
				externalId: 'new-1',
				firstName: 'Åsa',
				lastName: 'Öberg 1',
				displayName: 'Åsa Öberg 1',
				primaryEmail: 'p1@example.se',
				locale: 'sv',
				homeOrg: null,
				hardLock: false,
				locked: false,
			},
		);
		assert.deepEqual(out[0]._sync, { action: 'created' });
		assert.equal(
			usersWithExternalId(sim, 'new-2')[0].primaryEmail,
			null,
			'an empty e-mail is not sent',
		);
		assert.deepEqual(
			result.output(LEARNIFIER).map((i) => i.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
	});

	it('a 409 names the e-mail and the user that holds it, as an item error', async () => {
		const result = await runLearnifier(sim, createParameters(), {
			items: [person(3, holder.primaryEmail!.toUpperCase())],
		});
		assert.ok(result.error);
		assert.match(
			result.error.message,
			new RegExp(
				`Creating user external ID "new-3" \\(Åsa Öberg 3\\) failed: the email ${holder.primaryEmail!.toUpperCase().replace(/\./g, '\\.')} is already used by user external ID "${holder.externalId}", Learnifier ID ${holder.id}`,
			),
		);
		assert.equal(usersWithExternalId(sim, 'new-3').length, 0);
	});

	it('Continue On Fail: the bad item comes out with a reason naming the record and field, the rest go on', async () => {
		const result = await runLearnifier(sim, createParameters(), {
			items: [person(4), person(5, 'not an e-mail'), person(6)],
			continueOnFail: true,
		});
		assert.equal(result.error, undefined);
		const out = result.json(LEARNIFIER);
		assert.equal(out.length, 3);
		assert.equal((out[0]._sync as { action: string }).action, 'created');
		const failed = out[1]._sync as {
			action: string;
			item: number;
			record: string;
			reason: string;
			refusedAsWhole?: boolean;
		};
		assert.equal(failed.action, 'failed');
		assert.equal(failed.item, 2, 'items numbered from 1, as the editor shows them');
		assert.match(
			failed.reason,
			/Creating user external ID "new-5" \(Åsa Öberg 5\) failed: Learnifier refused the value of the field "primaryEmail"/,
		);
		assert.equal(failed.refusedAsWhole, undefined, "one record's refusal, not the whole work's");
		assert.equal(out[1].error, undefined, 'no top-level error field on our items');
		assert.equal((out[2]._sync as { action: string }).action, 'created');
		assert.equal(usersWithExternalId(sim, 'new-6').length, 1);
	});

	it('with Retry On Fail and Continue On Fail, a failed first item does not make n8n send every write again', async () => {
		// n8n runs a node again when its first output item has `json.error`; ours never do.
		const result = await runLearnifier(sim, createParameters(), {
			items: [person(8, 'not an e-mail'), person(9), person(10)],
			continueOnFail: true,
			retryOnFail: true,
		});
		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.json(LEARNIFIER).map((item) => (item._sync as { action: string }).action),
			['failed', 'created', 'created'],
		);
		const creates = sim.requests.filter((request) => request.method === 'POST');
		assert.equal(creates.length, 3, 'each create sent exactly once');
		for (const id of ['new-9', 'new-10']) assert.equal(usersWithExternalId(sim, id).length, 1, id);
	});

	it('a person without e-mail whom another run already created is not created twice', async () => {
		const first = await runLearnifier(sim, createParameters(), { items: [person(20, null)] });
		assert.equal((first.json(LEARNIFIER)[0]._sync as { action: string }).action, 'created');
		const again = await runLearnifier(sim, createParameters(), { items: [person(20, null)] });
		assert.equal(again.error, undefined);
		assert.match(
			String((again.json(LEARNIFIER)[0]._sync as { reason?: string }).reason),
			/already in Learnifier/,
		);
		assert.equal(usersWithExternalId(sim, 'new-20').length, 1, 'one user, not two');
		assert.equal(
			sim.requests.filter((request) => request.method === 'POST').length,
			1,
			'one create request in all',
		);
	});

	it('an empty External ID is refused before anything is sent', async () => {
		const result = await runLearnifier(sim, createParameters(), {
			items: [{ ...person(7), id: '' }],
		});
		assert.match(String(result.error?.message), /Item 1 has an empty External ID/);
		assert.equal(sim.requests.length, 0);
	});

	it('a dropped connection after the create: no duplicate user afterwards', async () => {
		sim.setFaults({ dropShare: 0.4, dropWhen: 'after', seed: 3 });
		const items = Array.from({ length: 12 }, (_, i) => person(100 + i));
		const result = await runLearnifier(sim, createParameters(), { items });
		assert.equal(result.error, undefined, result.error?.message);
		assert.ok(
			sim.requests.some((r) => r.status === 0),
			'some answers were lost',
		);
		for (const item of items) assert.equal(usersWithExternalId(sim, item.id).length, 1, item.id);
		const out = result.json(LEARNIFIER);
		assert.ok(
			out.some((o) =>
				/earlier try whose answer was lost/.test(String((o._sync as { reason?: string }).reason)),
			),
			'a lost create was found by external id',
		);
		assert.deepEqual(
			out.map((o) => o.externalId),
			items.map((i) => i.id),
		);
	});

	it('a 502 or 504 on a create is checked by external id before the create is sent again', async () => {
		// 25 %: enough gateway errors on creates to test the look-up, and too few for any item to lose
		// all 10 tries whatever the interleaving (at 40 % one run in about a hundred did).
		sim.setFaults({ errorShare: 0.25, errorStatuses: [502, 504], seed: 5 });
		const items = Array.from({ length: 12 }, (_, i) => person(150 + i));
		const result = await runLearnifier(sim, createParameters(), { items });
		assert.equal(result.error, undefined, result.error?.message);
		const gatewayErrorsOnCreate = sim.requests.filter(
			(r) => r.method === 'POST' && r.status >= 502,
		);
		assert.ok(gatewayErrorsOnCreate.length > 0, 'some creates met a gateway error');
		for (const failed of gatewayErrorsOnCreate) {
			const next = sim.requests[sim.requests.indexOf(failed) + 1];
			assert.ok(next, 'a request follows the gateway error');
		}
		const lookups = sim.requests.filter((r) => r.path.startsWith('/extuser'));
		assert.ok(
			lookups.length >= gatewayErrorsOnCreate.length,
			'each gateway error on a create was followed by a lookup',
		);
		for (const item of items) assert.equal(usersWithExternalId(sim, item.id).length, 1, item.id);
	});

	it('concurrency keeps input order and pairing', async () => {
		sim.setFaults({ latencyMs: 5 });
		const items = Array.from({ length: 20 }, (_, i) => person(200 + i));
		const result = await runLearnifier(sim, createParameters({ concurrency: 8 }), { items });
		const output = result.output(LEARNIFIER);
		assert.deepEqual(
			output.map((i) => i.json.externalId),
			items.map((i) => i.id),
		);
		assert.deepEqual(
			output.map((i) => i.pairedItem),
			items.map((_, item) => ({ item })),
		);
	});
});
