/**
 * Keeps the README's "Code layout" true.
 *
 * The test tree's dependencies point one way: the harnesses, simulators and shared data at the
 * bottom; node tests, end-to-end tests, the demo and the benchmarks on top. A top folder may use
 * any bottom folder but no other top folder, and a bottom folder no top one, so whatever two top
 * folders share has to move down.
 *
 * Each node reads one way: `<Node>.node.ts` → `actions/` → `helpers/` → `transport/`, with
 * `methods/` beside `actions/` (it may use helpers and transport); no floor imports a higher one,
 * `nodes/shared/` is below every node and imports none, and no node imports another.
 *
 * Tests mirror `nodes/`: `test/nodes/X/a/b.test.ts` tests `nodes/X/a/b.ts`, except a node's
 * feature tests (`test/nodes/<Node>/features/`) and the cross-node checks directly in `test/nodes/`;
 * `test/credentials/X.credentials.test.ts` tests `credentials/X.credentials.ts`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';

const TEST_ROOT = __dirname;
const REPO_ROOT = resolve(TEST_ROOT, '..');
const NODES_ROOT = join(REPO_ROOT, 'nodes');
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

/** A node's floors, top (0) to bottom; files right in the node's folder are the `node` floor. */
const FLOORS: Record<string, number> = {
	node: 0,
	actions: 1,
	methods: 1,
	helpers: 2,
	transport: 3,
};

/** The node and floor of a path relative to nodes/ ('/'-separated): `shared` is its own node. */
function placeInNodes(path: string): { node: string; floor: string } {
	const parts = path.split('/');
	if (parts[0] === 'shared') return { node: 'shared', floor: 'shared' };
	return { node: parts[0], floor: parts.length === 2 ? 'node' : parts[1] };
}

/**
 * Why `from` (a file) may not import `to` (a module), both relative to nodes/ and '/'-separated,
 * or undefined when it may.
 */
export function floorViolation(from: string, to: string): string | undefined {
	const a = placeInNodes(from);
	const b = placeInNodes(to);
	if (a.node === 'shared') {
		return b.node === 'shared' ? undefined : `nodes/shared/ imports the node ${b.node}`;
	}
	if (b.node === 'shared') return undefined;
	if (a.node !== b.node) return `the node ${a.node} imports the node ${b.node}`;
	if (!(a.floor in FLOORS))
		return `${a.node}/${a.floor}/ is not a floor (node, ${Object.keys(FLOORS).slice(1).join(', ')})`;
	if (!(b.floor in FLOORS)) return `${b.node}/${b.floor}/ is not a floor`;
	if (a.floor === b.floor || FLOORS[b.floor] > FLOORS[a.floor]) return undefined;
	return `back arrow: ${a.node}'s ${a.floor === 'node' ? 'node file' : `${a.floor}/`} imports ${b.floor === 'node' ? 'the node file' : `${b.floor}/`}`;
}

/**
 * Why a test (path relative to test/nodes/, '/'-separated) does not mirror a source, or undefined
 * when it does. `sourceExists` is asked with paths relative to nodes/.
 */
export function mirrorViolation(
	testPath: string,
	sourceExists: (path: string) => boolean,
): string | undefined {
	if (!testPath.endsWith('.test.ts')) return undefined;
	const parts = testPath.split('/');
	if (parts.length === 1) return undefined; // a cross-node check
	if (parts[1] === 'features') {
		if (parts.length !== 3) return `feature tests lie directly in ${parts[0]}/features/`;
		return sourceExists(parts[0]) ? undefined : `there is no node nodes/${parts[0]}/`;
	}
	const source = testPath.replace(/\.test\.ts$/, '.ts');
	if (sourceExists(source)) return undefined;
	return `nodes/${source} does not exist: name the test after its source, or put a feature test in test/nodes/${parts[0]}/features/`;
}

const posixPath = (path: string) => path.split(sep).join(posix.sep);

describe('each node reads one way', () => {
	const files = sourceFiles(NODES_ROOT).filter((file) => file.endsWith('.ts'));

	it('no floor imports a higher one, shared/ imports no node, no node another', () => {
		const violations: string[] = [];
		let checked = 0;
		for (const file of files) {
			const from = posixPath(relative(NODES_ROOT, file));
			for (const name of relativeImports(readFileSync(file, 'utf8'))) {
				const to = posixPath(relative(NODES_ROOT, resolve(dirname(file), name)));
				if (to.startsWith('..')) continue; // outside nodes/ (credentials/)
				checked++;
				const why = floorViolation(from, to);
				if (why) violations.push(`nodes/${from} imports '${name}': ${why}`);
			}
		}
		assert.ok(checked > 200, `only ${checked} relative imports found: is the pattern still right?`);
		assert.deepEqual(violations, []);
	});

	it('reports back arrows, shared/ importing a node and one node importing another', () => {
		assert.equal(
			floorViolation('Learnifier/Learnifier.node.ts', 'Learnifier/actions/router'),
			undefined,
		);
		assert.equal(
			floorViolation('Learnifier/actions/user/get.operation.ts', 'Learnifier/helpers/describeUser'),
			undefined,
		);
		assert.equal(
			floorViolation(
				'Learnifier/actions/user/get.operation.ts',
				'Learnifier/actions/user/forEachUser',
			),
			undefined,
		);
		assert.equal(
			floorViolation('Admentum/methods/loadOptions.ts', 'Admentum/transport/listSchools'),
			undefined,
		);
		assert.equal(floorViolation('Reconcile/Reconcile.node.ts', 'Reconcile/planChanges'), undefined);
		assert.equal(
			floorViolation('GoPublic/helpers/lockChanges.ts', 'shared/syncOutcome'),
			undefined,
		);
		assert.match(
			floorViolation('Learnifier/transport/listUsers.ts', 'Learnifier/helpers/types')!,
			/back arrow: Learnifier's transport\/ imports helpers\//,
		);
		assert.match(
			floorViolation(
				'Learnifier/helpers/forEachUser.ts',
				'Learnifier/actions/user/common.description',
			)!,
			/back arrow: Learnifier's helpers\/ imports actions\//,
		);
		assert.match(
			floorViolation('Admentum/actions/router.ts', 'Admentum/Admentum.node')!,
			/back arrow: Admentum's actions\/ imports the node file/,
		);
		assert.match(
			floorViolation('Admentum/methods/loadOptions.ts', 'Admentum/actions/common.description')!,
			/back arrow: Admentum's methods\/ imports actions\//,
		);
		assert.match(
			floorViolation('shared/router.ts', 'GoPublic/actions/router')!,
			/nodes\/shared\/ imports the node GoPublic/,
		);
		assert.match(
			floorViolation('Admentum/helpers/a.ts', 'Learnifier/transport/b')!,
			/the node Admentum imports the node Learnifier/,
		);
		assert.match(
			floorViolation('Admentum/utils/a.ts', 'Admentum/transport/b')!,
			/Admentum\/utils\/ is not a floor/,
		);
	});
});

describe('tests mirror nodes/', () => {
	it('every test under test/nodes/ has its source, or is a feature test or a cross-node check', () => {
		const testsRoot = join(TEST_ROOT, 'nodes');
		const tests = sourceFiles(testsRoot).map((file) => posixPath(relative(testsRoot, file)));
		const violations = tests.flatMap((test) => {
			const why = mirrorViolation(test, (path) => existsSync(join(NODES_ROOT, path)));
			return why ? [`test/nodes/${test}: ${why}`] : [];
		});
		assert.ok(tests.length > 30, `only ${tests.length} files under test/nodes`);
		assert.deepEqual(violations, []);
	});

	it('every test under test/credentials/ has its credentials file', () => {
		const missing = readdirSync(join(TEST_ROOT, 'credentials'))
			.filter((name) => name.endsWith('.test.ts'))
			.map((name) => name.replace(/\.test\.ts$/, '.ts'))
			.filter((name) => !existsSync(join(REPO_ROOT, 'credentials', name)));
		assert.deepEqual(missing, []);
	});

	it('reports a test that mirrors no source and is not a feature test', () => {
		const sources = new Set([
			'GoPublic',
			'GoPublic/helpers/buildMember.ts',
			'Reconcile/Reconcile.node.ts',
		]);
		const exists = (path: string) => sources.has(path);
		assert.equal(mirrorViolation('GoPublic/helpers/buildMember.test.ts', exists), undefined);
		assert.equal(mirrorViolation('Reconcile/Reconcile.node.test.ts', exists), undefined);
		assert.equal(mirrorViolation('GoPublic/features/randomNights.test.ts', exists), undefined);
		assert.equal(mirrorViolation('shortDescriptions.test.ts', exists), undefined);
		assert.equal(mirrorViolation('Reconcile/randomDatasets.ts', exists), undefined);
		assert.match(
			mirrorViolation('GoPublic/randomNights.test.ts', exists)!,
			/nodes\/GoPublic\/randomNights\.ts does not exist: .* test\/nodes\/GoPublic\/features\//,
		);
		assert.match(
			mirrorViolation('GoPublic/actions/member/memberMemory.test.ts', exists)!,
			/nodes\/GoPublic\/actions\/member\/memberMemory\.ts does not exist/,
		);
		assert.match(
			mirrorViolation('GoPublic/features/deep/a.test.ts', exists)!,
			/directly in GoPublic\/features\//,
		);
		assert.match(
			mirrorViolation('Nowhere/features/a.test.ts', exists)!,
			/no node nodes\/Nowhere\//,
		);
	});
});
