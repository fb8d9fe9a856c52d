/**
 * Keeps the test tree's dependencies pointing one way: the harnesses, simulators and shared data
 * at the bottom; node tests, end-to-end tests, the demo and the benchmarks on top. A top folder
 * may use any bottom folder but no other top folder, and a bottom folder no top one, so whatever
 * two top folders share has to move down.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';

const TEST_ROOT = __dirname;
const BOTTOM = new Set(['engine', 'simulators', 'n8n-runtime', 'fixtures']);
const TOP = new Set(['nodes', 'credentials', 'e2e', 'demo', 'bench', 'scanner']);

function sourceFiles(dir: string, found: string[] = []): string[] {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'node_modules') continue;
		const path = join(dir, entry.name);
		if (entry.isDirectory()) sourceFiles(path, found);
		else if (/\.(ts|mts|mjs|js)$/.test(entry.name)) found.push(path);
	}
	return found;
}

/** The relative module names in `import … from`, `export … from`, `import '…'`, `import()` and `require()`. */
export function relativeImports(source: string): string[] {
	const pattern =
		/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])(\.{1,2}\/[^'"]*)\1/g;
	return [...source.matchAll(pattern)].map((match) => match[2]);
}

/** The folder right under test/ a path lies in, or undefined for test/'s own files and paths outside it. */
function topLevelFolder(path: string): string | undefined {
	const parts = relative(TEST_ROOT, path).split(sep);
	return parts.length > 1 && parts[0] !== '..' ? parts[0] : undefined;
}

/** Why `from` may not import `to` (both folders under test/), or undefined when it may. */
export function layoutViolation(from: string, to: string): string | undefined {
	if (from === to) return undefined;
	if (TOP.has(from) && TOP.has(to)) return `top folder ${from}/ imports top folder ${to}/`;
	if (BOTTOM.has(from) && TOP.has(to)) return `bottom folder ${from}/ imports top folder ${to}/`;
	return undefined;
}

describe('the test tree depends one way', () => {
	const files = sourceFiles(TEST_ROOT);

	it('every folder under test/ is placed at the top or the bottom', () => {
		const unplaced = [...new Set(files.map(topLevelFolder))].filter(
			(folder) => folder !== undefined && !TOP.has(folder) && !BOTTOM.has(folder),
		);
		assert.deepEqual(unplaced, [], 'add these folders to TOP or BOTTOM in test/layout.test.ts');
	});

	it('no top folder imports another top folder, no bottom folder a top one', () => {
		const violations: string[] = [];
		let checked = 0;
		for (const file of files) {
			const from = topLevelFolder(file);
			for (const name of relativeImports(readFileSync(file, 'utf8'))) {
				checked++;
				const to = topLevelFolder(resolve(dirname(file), name));
				const why = from && to && layoutViolation(from, to);
				if (why) violations.push(`${relative(TEST_ROOT, file)} imports '${name}': ${why}`);
			}
		}
		assert.ok(checked > 200, `only ${checked} relative imports found: is the pattern still right?`);
		assert.deepEqual(violations, []);
	});

	it('finds every form of import and judges folders by the rule', () => {
		const source = [
			"import { a } from '../engine/runWorkflow';",
			'import type {\n\tB,\n} from "./b";',
			"export { c } from '../../nodes/c';",
			"import './side-effect';",
			"const d = await import('../demo/d');",
			"const e = require('../e2e/e');",
			"import assert from 'node:assert/strict';",
		].join('\n');
		assert.deepEqual(relativeImports(source), [
			'../engine/runWorkflow',
			'./b',
			'../../nodes/c',
			'./side-effect',
			'../demo/d',
			'../e2e/e',
		]);
		assert.equal(layoutViolation('bench', 'engine'), undefined);
		assert.equal(layoutViolation('engine', 'simulators'), undefined);
		assert.match(
			layoutViolation('bench', 'nodes')!,
			/top folder bench\/ imports top folder nodes\//,
		);
		assert.match(layoutViolation('fixtures', 'demo')!, /bottom folder fixtures\/ imports top/);
	});
});
