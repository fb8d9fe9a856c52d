/**
 * .ci/run is CI wherever it runs: it sets CI=true itself before it runs the README's commands, so
 * the browser check and the queue-mode test (which skip only outside CI) can never be skipped by a
 * CI machine that does not set CI.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const script = readFileSync(join(__dirname, '..', '.ci', 'run'), 'utf8');
const commandLines = script.split('\n').filter((line) => !/^\s*#/.test(line));

describe('.ci/run', () => {
	it('exports CI=true before it runs any of the README commands', () => {
		const exportsCi = commandLines.findIndex((line) => /^\s*export\s+CI=true\s*$/.test(line));
		const firstCommand = commandLines.findIndex((line) => line.includes('bash -euo pipefail -c'));
		assert.ok(firstCommand > 0, '.ci/run runs the README commands with bash -c');
		assert.ok(exportsCi >= 0, '.ci/run must export CI=true');
		assert.ok(exportsCi < firstCommand, 'CI=true is exported before the README commands run');
	});
});
