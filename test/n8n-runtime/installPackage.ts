/**
 * Puts our built package into an n8n user folder exactly the way n8n 2.41's community-node
 * install does it (CommunityPackagesService.downloadPackage), so the node types are
 * `n8n-nodes-directory-sync.<name>`, the ones users get:
 *   1. `npm pack` the package (n8n packs it from the registry; we pack the working tree's build);
 *   2. unpack it into `<userFolder>/.n8n/nodes/node_modules/<package>`;
 *   3. drop devDependencies, peerDependencies and optionalDependencies from its package.json;
 *   4. `npm install --install-strategy=shallow --ignore-scripts …` inside it, so its own runtime
 *      dependencies (zod, csv-parse) land in its own node_modules;
 *   5. record it in `<userFolder>/.n8n/nodes/package.json`.
 * Because of step 3, `n8n-workflow` is not installed next to our package: n8n puts its own
 * module paths on NODE_PATH before loading community packages (LoadNodesAndCredentials.init), so
 * `require('n8n-workflow')` in our nodes falls through to n8n's copy. That keeps one copy and
 * `instanceof NodeApiError` working, as long as no folder above the user folder has a
 * node_modules/n8n-workflow of its own: that is why user folders live in the OS temp dir and
 * never inside this repository (whose node_modules has a dev copy). assertSingleN8nWorkflow checks it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { N8nRuntime } from './ensureRuntime';
import { printProgress, seconds, type Log } from './progress';
import { runCommand } from './runCommand';

export const REPO_ROOT = resolve(__dirname, '../..');
export const PACKAGE_NAME = 'n8n-nodes-directory-sync';

export interface InstallPackageOptions {
	/** n8n's user folder (N8N_USER_FOLDER); the package goes to <userFolder>/.n8n/nodes. */
	userFolder: string;
	runtime: N8nRuntime;
	/**
	 * While other nodes are still being written, package.json's n8n section names files that are
	 * not built yet, and n8n refuses to load a package with a missing file. true installs the
	 * package with those entries removed (and says which); false (the default) fails instead.
	 */
	allowMissingBuildFiles?: boolean;
	log?: Log;
}

export interface InstalledPackage {
	packageDir: string;
	version: string;
	/** Entries of the n8n section left out because their file was not built. */
	leftOut: string[];
}

export async function installPackage(options: InstallPackageOptions): Promise<InstalledPackage> {
	const log = options.log ?? printProgress;
	const started = Date.now();
	const nodesDir = join(options.userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
	const leftOut = missingBuildFiles();
	if (leftOut.length > 0 && !options.allowMissingBuildFiles) {
		throw new Error(
			`The package is not fully built: ${leftOut.join(', ')} missing. Run npm run build.`,
		);
	}

	const packDir = mkdtempSync(join(tmpdir(), 'dirsync-pack-'));
	try {
		const tarball = await packRepository(packDir);
		rmSync(packageDir, { recursive: true, force: true });
		mkdirSync(packageDir, { recursive: true });
		execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}

	const packageJsonPath = join(packageDir, 'package.json');
	const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies'])
		delete packageJson[key];
	if (leftOut.length > 0) {
		packageJson.n8n.nodes = packageJson.n8n.nodes.filter((file: string) => !leftOut.includes(file));
		packageJson.n8n.credentials = packageJson.n8n.credentials.filter(
			(file: string) => !leftOut.includes(file),
		);
		log(`  not built yet, left out of the installed package: ${leftOut.join(', ')}`);
	}
	writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));

	await runCommand(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--prefer-offline',
			'--loglevel=error',
		],
		{ cwd: packageDir },
	);
	recordInNodesPackageJson(nodesDir, packageJson.version);
	await assertSingleN8nWorkflow(packageDir, options.runtime);
	log(
		`n8n: installed ${PACKAGE_NAME}@${packageJson.version} as a community package in ${seconds(started)}`,
	);
	return { packageDir, version: packageJson.version, leftOut };
}

/** Files named in package.json's n8n section that the build did not produce. */
export function missingBuildFiles(): string[] {
	const { n8n } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
	return [...n8n.nodes, ...n8n.credentials].filter(
		(file: string) => !existsSync(join(REPO_ROOT, file)),
	);
}

async function packRepository(destination: string): Promise<string> {
	const { stdout } = await runCommand(
		'npm',
		['pack', '--ignore-scripts', '--json', '--pack-destination', destination],
		{
			cwd: REPO_ROOT,
		},
	);
	const [{ filename }] = JSON.parse(stdout) as Array<{ filename: string }>;
	return join(destination, filename);
}

function recordInNodesPackageJson(nodesDir: string, version: string): void {
	const file = join(nodesDir, 'package.json');
	const current = existsSync(file)
		? JSON.parse(readFileSync(file, 'utf8'))
		: { name: 'installed-nodes', private: true };
	current.dependencies = { ...(current.dependencies ?? {}), [PACKAGE_NAME]: version };
	writeFileSync(file, JSON.stringify(current, null, 2));
}

/**
 * Resolves `n8n-workflow` from our installed package the way n8n will (its own module paths on
 * NODE_PATH) and fails unless that is n8n's own copy.
 */
export async function assertSingleN8nWorkflow(
	packageDir: string,
	runtime: N8nRuntime,
): Promise<void> {
	const n8nDist = join(runtime.runtimeDir, 'node_modules/n8n/dist');
	const script = [
		"const Module = require('module');",
		`const n8nDist = ${JSON.stringify(n8nDist)};`,
		"process.env.NODE_PATH = Module._nodeModulePaths(n8nDist).join(':');",
		'Module._initPaths();',
		`const fromPackage = require.resolve('n8n-workflow', { paths: [${JSON.stringify(packageDir)}] });`,
		"const fromN8n = require.resolve('n8n-workflow', { paths: [n8nDist] });",
		'console.log(JSON.stringify({ fromPackage, fromN8n }));',
	].join('\n');
	const { stdout } = await runCommand(runtime.nodeBin, ['-e', script], {
		env: { PATH: process.env.PATH },
	});
	const { fromPackage, fromN8n } = JSON.parse(stdout);
	if (fromPackage !== fromN8n) {
		throw new Error(
			`Our package would load a second n8n-workflow (${fromPackage}) instead of n8n's (${fromN8n}): ` +
				'instanceof checks on its error classes would break.',
		);
	}
}

/** The node types n8n loaded, from the file n8n writes for its editor at start. */
export function loadedNodeTypes(userFolder: string): string[] {
	const file = join(userFolder, '.cache/n8n/public/types/nodes.json');
	const types = JSON.parse(readFileSync(file, 'utf8')) as Array<{ name: string }>;
	return types.map((type) => type.name);
}

export function newUserFolder(): string {
	// OS temp dir, never inside the repo: see the header comment (second n8n-workflow copy).
	return mkdtempSync(join(tmpdir(), 'dirsync-real-n8n-'));
}
