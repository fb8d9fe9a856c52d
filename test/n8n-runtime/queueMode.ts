/**
 * Real n8n in queue mode (n8n's scaling mode) for the queue-mode test and benchmark: Postgres 17
 * (postgres.ts), a throwaway Redis (redis.ts), one main (`n8n start`: editor, REST, schedules,
 * puts every production run on the queue) and N workers (`n8n worker --concurrency=C`: run them).
 * Each instance has its own user folder with our package installed into it as a community node,
 * the way an operator puts it on every instance; all share the database, Redis and one
 * encryption key. Ports never clash: each instance gets its own N8N_PORT and task-broker port, and
 * each worker its own health-server port (QUEUE_HEALTH_CHECK_PORT, which is also how we see it
 * is ready).
 *
 * Which worker ran an execution is read from the workers' logs ("Worker started execution N").
 * A worker can be killed with SIGKILL (its running executions die with it) and started again on
 * its user folder; each start logs to its own file, so nothing is lost.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { N8nRuntime } from './ensureRuntime';
import { installPackage, loadedNodeTypes, newUserFolder, PACKAGE_NAME } from './installPackage';
import { freePort, launchN8n, startN8n, type N8nInstance, type N8nProcess } from './n8nInstance';
import { startPostgres, type Postgres } from './postgres';
import { printProgress, seconds, type Log } from './progress';
import { startRedis, type RedisServer } from './redis';

export interface StartQueueModeOptions {
	runtime: N8nRuntime;
	/** From ensureRedis. */
	redisServer: string;
	workers: number;
	/** Jobs each worker runs at once (`n8n worker --concurrency`; n8n's default is 10). */
	concurrency?: number;
	/** More environment for every instance, e.g. N8N_RESTRICT_FILE_ACCESS_TO. */
	env?: Record<string, string>;
	log?: Log;
}

export interface QueueWorker {
	name: string;
	userFolder: string;
	/** Every log file this worker wrote, one per start. */
	logFiles: string[];
	/** The running process; undefined after kill until restart. */
	process?: N8nProcess;
}

export interface QueueMode {
	main: N8nInstance;
	workers: QueueWorker[];
	/** Our node types the main loaded. */
	ourNodeTypes: string[];
	/** SIGKILL to the worker and its task runner: a crash in the middle of a night. */
	killWorker(index: number): Promise<void>;
	/** Starts the worker again on its user folder (stops it first if it still runs). */
	restartWorker(index: number): Promise<void>;
	/** The index of the worker that started the execution, from the workers' logs. */
	workerOf(executionId: string): number | undefined;
	/** The log files of the main and of every start of every worker. */
	logFiles(): string[];
	stop(): Promise<void>;
}

export async function startQueueMode(options: StartQueueModeOptions): Promise<QueueMode> {
	const log = options.log ?? printProgress;
	const started = Date.now();
	const concurrency = options.concurrency ?? 10;
	const cleanups: Array<() => Promise<void>> = [];
	const cleanUp = async () => {
		for (const cleanup of cleanups.reverse())
			await cleanup().catch((error: Error) => log(`queue mode: ${error.message}`));
		cleanups.length = 0;
	};
	try {
		const postgres: Postgres = await startPostgres(log);
		cleanups.push(() => postgres.stop());
		const redis: RedisServer = await startRedis(options.redisServer, log);
		cleanups.push(() => redis.stop());
		const sharedEnv: Record<string, string> = {
			...postgres.n8nEnv,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('base64'),
			...options.env,
		};

		// The package goes into every instance's user folder before any of them starts.
		const folders = await Promise.all(
			Array.from({ length: options.workers + 1 }, () => preparedUserFolder(options.runtime, log)),
		);
		for (const folder of folders) cleanups.push(async () => removeFolder(folder));
		const [mainFolder, ...workerFolders] = folders;
		// The main first: it migrates the database the workers then use.
		const main = await startN8n({
			runtime: options.runtime,
			userFolder: mainFolder,
			env: sharedEnv,
			log,
		});
		cleanups.push(() => main.stop());
		const ourNodeTypes = loadedNodeTypes(mainFolder).filter((type) =>
			type.startsWith(`${PACKAGE_NAME}.`),
		);
		if (ourNodeTypes.length === 0)
			throw new Error(`n8n main loaded none of our node types; see ${main.logFile}`);

		const workers: QueueWorker[] = workerFolders.map((userFolder, index) => ({
			name: `worker ${index + 1}`,
			userFolder,
			logFiles: [],
		}));
		const launchWorker = async (worker: QueueWorker) => {
			const port = await freePort();
			const logName = `worker-start-${worker.logFiles.length + 1}.log`;
			worker.logFiles.push(join(worker.userFolder, logName));
			worker.process = await launchN8n({
				runtime: options.runtime,
				userFolder: worker.userFolder,
				port,
				command: ['worker', `--concurrency=${concurrency}`],
				name: worker.name,
				logName,
				env: {
					...sharedEnv,
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(port),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				},
				log,
			});
		};
		for (const worker of workers) cleanups.push(async () => worker.process?.stop());
		await Promise.all(workers.map(launchWorker));
		log(
			`queue mode: main + ${options.workers} worker(s) at concurrency ${concurrency} ready after ${seconds(started)}`,
		);

		return {
			main,
			workers,
			ourNodeTypes,
			async killWorker(index) {
				await workers[index].process?.kill();
				workers[index].process = undefined;
			},
			async restartWorker(index) {
				await workers[index].process?.stop();
				await launchWorker(workers[index]);
			},
			workerOf(executionId) {
				const started = new RegExp(`Worker started execution ${executionId}\\b`);
				const index = workers.findIndex((worker) =>
					worker.logFiles.some((file) => started.test(readLog(file))),
				);
				return index < 0 ? undefined : index;
			},
			logFiles: () => [main.logFile, ...workers.flatMap((worker) => worker.logFiles)],
			stop: cleanUp,
		};
	} catch (error) {
		await cleanUp();
		throw error;
	}
}

/** A new user folder with our package installed as a community node, as on every instance. */
async function preparedUserFolder(runtime: N8nRuntime, log: Log): Promise<string> {
	const userFolder = newUserFolder();
	await installPackage({ userFolder, runtime, log });
	return userFolder;
}

function removeFolder(folder: string): void {
	// Set DIRSYNC_KEEP_N8N_FOLDER=1 to keep the user folders and logs for a look after a failure.
	if (process.env.DIRSYNC_KEEP_N8N_FOLDER !== '1') rmSync(folder, { recursive: true, force: true });
}

function readLog(file: string): string {
	return existsSync(file) ? readFileSync(file, 'utf8') : '';
}
