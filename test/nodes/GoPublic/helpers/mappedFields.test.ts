/**
 * A field mapped to a plain input field is read from the item without n8n's expression engine:
 * the members sent must be exactly those the engine's reading gives, whatever the values are.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../../engine/runWorkflow';
import {
	IMPORT,
	credentialsFor,
	itemsToGoPublic,
} from '../../../engine/workflows/goPublicWorkflow';
import {
	startGoPublicSimulator,
	type GoPublicSimulator,
} from '../../../simulators/gopublic/gopublicSimulator';

let sim: GoPublicSimulator;

const ITEMS: IDataObject[] = [
	{ UUID: 'a1', Name: ' Anna ', Mail: 'anna@x.dk', Full: 'Anna B', Role: 'Medarbejder', Title: 7 },
	{
		UUID: ['b1', 'b2'],
		Name: 'Bo',
		Mail: 'bo@x.dk',
		Full: 'Bo C',
		Role: ['Medarbejder'],
		Lock: 'True',
	},
	{ UUID: 'c1|"c2"', Name: 'Cy', Mail: 'cy@x.dk', Full: 'Cy D', Role: 'Medarbejder', Title: null },
	{ UUID: 'd1', Name: 'Di', Mail: 'di@x.dk', Full: 'Di E', Role: 'Medarbejder', Lock: false },
	{ UUID: 'e1', Name: 'Ed', Full: 'Ed F', Role: 'Medarbejder', Title: { text: 'x' } },
];

/** Every field mapped to `column`, written plainly (read directly) or wrapped (read by n8n's engine). */
function mapping(wrap: boolean): INodeParameters {
	const expression = (column: string) =>
		wrap ? `={{ ($json.${column}) }}` : `={{ $json.${column} }}`;
	return {
		...IMPORT,
		uuids: expression('UUID'),
		name: expression('Name'),
		email: expression('Mail'),
		fullName: expression('Full'),
		roles: expression('Role'),
		additionalFields: { title: expression('Title'), lockForDeletion: expression('Lock') },
		options: { emptyFields: 'clear' },
	};
}

async function sent(wrap: boolean) {
	sim.reset();
	const result = await runWorkflow(itemsToGoPublic(ITEMS, mapping(wrap)), {
		credentials: credentialsFor(sim.origin),
		mode: 'trigger',
	});
	return {
		received: sim.state.received,
		// The reasons differ on purpose: only a plain mapping can name its column ("from ...").
		outcomes: result.json('GoPublic').map((item) => (item._sync as IDataObject).action),
	};
}

describe('GoPublic mapped fields', () => {
	before(async () => void (sim = await startGoPublicSimulator()));
	after(() => sim.close());

	it("a plain input field reads exactly what n8n's expression engine reads", async () => {
		const direct = await sent(false);
		const engine = await sent(true);
		assert.ok(direct.received.length > 0);
		assert.deepEqual(direct, engine);
	});
});
