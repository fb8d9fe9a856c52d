// Runs the project's tests with node:test. Node 20 does not expand globs for --test, and
// test/n8n-runtime/node_modules holds other packages' tests, so the files are listed here.
//   node test/runTests.mjs          unit, node and simulator tests (*.test.ts), then end-to-end (*.e2e.ts)
//   node test/runTests.mjs unit     only *.test.ts
//   node test/runTests.mjs e2e      only *.e2e.ts (real n8n; installs it on first use)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

function findFiles(dir, suffix, found = []) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'node_modules') continue;
		const path = join(dir, entry.name);
		if (entry.isDirectory()) findFiles(path, suffix, found);
		else if (entry.name.endsWith(suffix)) found.push(relative(root, path));
	}
	return found.sort();
}

function run(suffix) {
	const files = findFiles(join(root, 'test'), suffix);
	if (files.length === 0) return 0;
	const args = [
		'--import',
		'tsx',
		'--import',
		'./test/blockingOutput.mjs',
		'--test',
		'--test-concurrency=1',
		'--test-force-exit',
		...files,
	];
	return spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
}

const which = process.argv[2] ?? 'all';
const suites =
	which === 'all' ? ['.test.ts', '.e2e.ts'] : which === 'unit' ? ['.test.ts'] : ['.e2e.ts'];
let failed = false;
for (const suffix of suites) failed = run(suffix) !== 0 || failed;
process.exit(failed ? 1 : 0);
