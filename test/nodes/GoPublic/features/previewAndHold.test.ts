/** Import's Preview Only, the held locks and their approval, and Only These UUIDs, against the simulator. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { approvalCode } from '../../../../nodes/shared/approvalCode';
import { runWorkflow } from '../../../engine/runWorkflow';
import {
	startGoPublicSimulator,
	type GoPublicSimulator,
} from '../../../simulators/gopublic/gopublicSimulator';
import {
	IMPORT,
	NODE,
	credentialsFor,
	itemsToGoPublic,
} from '../../../engine/workflows/goPublicWorkflow';

let sim: GoPublicSimulator;

const people = (uuids: string[], name = 'P') =>
	uuids.map((uuid) => ({
		UUID: uuid,
		Name: `${name} ${uuid}`,
		FullName: `Person ${uuid}`,
		EmailAddress: `${uuid}@x.dk`,
		Roles: 'Medarbejder',
	}));
const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => `m${from + i}`);
const hold = { whenOverLimit: 'holdRemovals' };

function nightly(staticData: IDataObject, input: IDataObject[], options: IDataObject = {}) {
	return runWorkflow(
		itemsToGoPublic(input, { ...IMPORT, options: { lockMembersThatLeft: true, ...options } }),
		{ credentials: credentialsFor(sim.origin), mode: 'trigger', staticData },
	);
}

/** An empty GoPublic and a workflow that remembers nothing yet. */
function firstNight(): IDataObject {
	sim.reset();
	return {};
}

type Result = Awaited<ReturnType<typeof nightly>>;
const outcomes = (result: Result) => result.json(NODE).map((json) => json._sync as IDataObject);
const actions = (result: Result) => outcomes(result).map((outcome) => outcome.action);
const count = (result: Result, action: string) =>
	actions(result).filter((each) => each === action).length;

describe('GoPublic → Import: preview, held locks, only these uuids', () => {
	before(async () => void (sim = await startGoPublicSimulator()));
	after(() => sim.close());

	it('a preview sends nothing, remembers nothing, and reports what the real run then does', async () => {
		const staticData = firstNight();
		await nightly(staticData, people(range(1, 40)));
		const remembered = JSON.stringify(staticData);
		const tonight = [...people(range(1, 38)), ...people(['m41']), { UUID: 'm42', Name: 'No mail' }];
		const requestsBefore = sim.requests.length;

		const preview = await nightly(staticData, tonight, { previewOnly: true });
		assert.equal(preview.error, undefined);
		assert.equal(sim.requests.length, requestsBefore, 'no request in a preview');
		assert.equal(JSON.stringify(staticData), remembered, 'the memory is as it was');
		assert.ok(outcomes(preview).every((outcome) => outcome.preview === true));
		assert.deepEqual([count(preview, 'wouldSend'), count(preview, 'wouldLock')], [39, 2]);
		assert.equal(count(preview, 'skipped'), 1, "GoPublic's validation runs in a preview");

		const real = await nightly(staticData, tonight);
		assert.equal(real.error, undefined);
		const sent = count(real, 'created') + count(real, 'updated') + count(real, 'unchanged');
		assert.deepEqual([sent, count(real, 'locked'), count(real, 'skipped')], [39, 2, 1]);
	});

	it('over the limit, the held night imports everyone, locks nobody and lists the held; the code lets them through, and churn since is judged alone', async () => {
		const staticData = firstNight();
		await nightly(staticData, people(range(1, 100)));
		const cut = people(range(1, 80), 'Q');

		const held = await nightly(staticData, cut, hold);
		assert.equal(held.error, undefined);
		assert.equal(count(held, 'updated'), 80, 'the updates were applied');
		assert.equal(count(held, 'held'), 20);
		assert.equal(sim.state.members.get('m90')?.locked, false, 'nobody locked');
		const code = approvalCode(range(81, 100));
		assert.match(String(outcomes(held).find((o) => o.action === 'held')?.reason), new RegExp(code));

		const again = await nightly(staticData, cut, hold);
		assert.equal(count(again, 'held'), 20, 'still remembered, held again without the code');

		// With the code, the 20 approved go, and one more leaver since (m80) is judged alone: within the limits.
		const churn = await nightly(staticData, people(range(1, 79)), {
			...hold,
			approveHeldRemovals: code,
		});
		assert.equal(churn.error, undefined);
		assert.deepEqual(
			[count(churn, 'locked'), count(churn, 'held'), count(churn, 'approved')],
			[21, 0, 1],
		);
		assert.equal(sim.state.members.get('m90')?.locked, true);

		const next = await nightly(staticData, people(range(1, 79)), {
			...hold,
			approveHeldRemovals: code,
		});
		assert.deepEqual(
			[count(next, 'locked'), count(next, 'held'), count(next, 'approved')],
			[0, 0, 0],
		);
	});

	it('an approval lets the approved through, but an export cut short since is still held', async () => {
		const staticData = firstNight();
		await nightly(staticData, people(range(1, 100)));
		const held = await nightly(staticData, people(range(1, 80)), hold);
		assert.equal(count(held, 'held'), 20);
		const code = approvalCode(range(81, 100));

		// The approval night's export is cut to 40: the 20 approved go, the 40 others are held.
		const cut = await nightly(staticData, people(range(1, 40)), {
			...hold,
			approveHeldRemovals: code,
		});
		assert.deepEqual([count(cut, 'locked'), count(cut, 'held')], [20, 40]);
		assert.equal(sim.state.members.get('m90')?.locked, true);
		assert.equal(sim.state.members.get('m50')?.locked, false, 'the cut-off part is not locked');
	});

	it('an approved member who came back is not locked', async () => {
		const staticData = firstNight();
		await nightly(staticData, people(range(1, 100)));
		await nightly(staticData, people(range(1, 80)), hold);
		const code = approvalCode(range(81, 100));
		const back = await nightly(staticData, people([...range(1, 80), 'm95']), {
			...hold,
			approveHeldRemovals: code,
		});
		assert.deepEqual([count(back, 'locked'), count(back, 'held')], [19, 0]);
		assert.equal(sim.state.members.get('m95')?.locked, false);
	});

	it('"Only These UUIDs" sends only those members and leaves the memory of the night alone', async () => {
		const staticData = firstNight();
		await nightly(staticData, people(range(1, 10)));
		const remembered = JSON.stringify(staticData);

		const receivedBefore = sim.state.received.length;
		const one = await nightly(staticData, people(range(1, 10), 'Q'), { onlyTheseUuids: 'm5' });
		assert.equal(one.error, undefined);
		assert.deepEqual(actions(one), ['updated']);
		const received = sim.state.received.slice(receivedBefore) as IDataObject[];
		assert.deepEqual(
			received.map((member) => member.uuids),
			[['m5']],
		);
		assert.equal(sim.state.members.get('m5')?.fields.name, 'Q m5');
		assert.equal(sim.state.members.get('m6')?.fields.name, 'P m6');
		assert.equal(JSON.stringify(staticData), remembered);

		// A listed member who left is locked; the guard counts only the listed members (1 of 1 is over it).
		const leaver = await nightly(staticData, people(range(1, 9)), {
			...hold,
			onlyTheseUuids: 'm10',
		});
		assert.deepEqual(actions(leaver), ['held']);
		const approved = await nightly(staticData, people(range(1, 9)), {
			...hold,
			onlyTheseUuids: 'm10',
			approveHeldRemovals: approvalCode(['m10']),
		});
		assert.deepEqual(actions(approved), ['locked', 'approved']);
		assert.equal(sim.state.members.get('m10')?.locked, true);
		assert.equal(sim.state.members.get('m9')?.locked, false);
	});
});
