/**
 * Reconcile scenarios kept as n8n workflows in ./workflows: Manual Trigger → pinned Source and
 * Target → Reconcile → a No Op per output, each No Op pinned with the items that output must
 * carry. Each is run by n8n's engine and every output compared with its pinned items.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { runWorkflow } from '../../../engine/runWorkflow';
import { readWorkflowFixture } from '../../../engine/workflowFixture';

const FOLDER = join(__dirname, 'workflows');
const files = readdirSync(FOLDER).filter((file) => file.endsWith('.json'));

describe('Reconcile workflows with their expected outputs', () => {
	it('there are scenarios to run', () => assert.ok(files.length >= 4, files.join(', ')));

	for (const file of files) {
		const { workflow, expectedOutputs, expectedError } = readWorkflowFixture(join(FOLDER, file));

		it(`${file}: ${workflow.name}`, async () => {
			const result = await runWorkflow(workflow);
			assert.deepEqual(
				result.error && { name: result.error.name, message: result.error.message },
				expectedError,
			);
			for (const [node, expected] of Object.entries(expectedOutputs))
				assert.deepEqual(result.json(node), expected, `the items of ${node}`);
		});
	}
});
