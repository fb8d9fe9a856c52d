/**
 * Starts a real n8n 2.41.1 server (`n8n start` on Node 24) for the demo and the end-to-end tests:
 * a throwaway user folder with embedded SQLite, listening on 127.0.0.1 only, telemetry, version
 * notifications, templates and personalisation off, free ports for the server and for the task
 * runner broker (its default 5679 clashes otherwise), Europe/Stockholm time. Its log goes to
 * <userFolder>/n8n.log (the end-to-end tests scan it for leaked keys). Once ready, the owner
 * account is created (so the editor can be logged into) and `rest` holds an owner session.
 *
 * `cli(args)` runs the n8n CLI against the same database, each call with a broker port of its
 * own (a CLI command that needs the task runner starts its own broker, and would collide with the
 * server's). What works next to a running server (SQLite, tried):
 *  - `import:credentials --input=<file>` with plain `data` objects: n8n encrypts them on import;
 *  - `import:workflow --input=<file>`: workflows reference credentials by {id, name}; ids we give
 *    are kept, so a workflow can name the credentials imported just before;
 *  - running: use rest.runWorkflow (see n8nRest.ts), about 1 s for a small workflow.
 *    `execute --id=<id> --rawOutput` also works and its execution is saved (mode "cli", shown in
 *    the executions list), but it only starts from a Manual Trigger (not a Schedule Trigger),
 *    boots a second n8n process (about 9 s) and prints the run as JSON after start-up noise
 *    (cliJson skips it).
 *
 * `launchN8n` is the part without the owner account: it also starts queue-mode workers
 * (`n8n worker`, see queueMode.ts), and every process it starts can be killed with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import type { N8nRuntime } from './ensureRuntime';
import { newUserFolder } from './installPackage';
import { DEMO_OWNER, N8nRest, type OwnerLogin } from './n8nRest';
import { printProgress, seconds, type Log } from './progress';
import { cleanEnv, runCommand, type CommandResult } from './runCommand';

export interface StartN8nOptions {
	runtime: N8nRuntime;
	/** Defaults to a new folder in the OS temp dir (never inside the repo: see installPackage.ts). */
	userFolder?: string;
	/** Defaults to a free port. */
	port?: number;
	owner?: OwnerLogin;
	log?: Log;
	readyTimeoutMs?: number;
	/** More environment for the server, e.g. N8N_RESTRICT_FILE_ACCESS_TO. */
	env?: Record<string, string>;
}

/** One n8n process (a server, or a queue-mode worker) with its log, its CLI and its end. */
export interface N8nProcess {
	/** The server's address; for a worker, its health server's. */
	url: string;
	userFolder: string;
	env: NodeJS.ProcessEnv;
	/** Everything the process printed. */
	logFile: string;
	cli(args: string[]): Promise<CommandResult>;
	/** Runs the CLI and parses the JSON it prints after its start-up noise. */
	cliJson(args: string[]): Promise<unknown>;
	/** SIGTERM, then SIGKILL after `graceMs`. */
	stop(graceMs?: number): Promise<void>;
	/** SIGKILL at once, to it and the task runner it started (a crash, for tests). */
	kill(): Promise<void>;
}

export interface N8nInstance extends N8nProcess {
	owner: OwnerLogin;
	rest: N8nRest;
}

export async function startN8n(options: StartN8nOptions): Promise<N8nInstance> {
	const server = await launchN8n({ ...options, command: ['start'], name: 'n8n' });
	const owner = options.owner ?? DEMO_OWNER;
	const rest = new N8nRest(server.url, options.runtime.runtimeDir);
	await rest.setupOwner(owner);
	return { ...server, owner, rest };
}

export interface LaunchN8nOptions extends Omit<StartN8nOptions, 'owner'> {
	/** n8n's CLI command and flags, e.g. ['start'] or ['worker', '--concurrency=10']. */
	command: string[];
	/** How the progress lines name it, e.g. 'n8n' or 'worker 2'. */
	name: string;
	/** The log file's name in the user folder (default n8n.log). */
	logName?: string;
}

/**
 * Starts `n8n <command>` and waits until `/healthz/readiness` answers on `port`: for `start` the
 * server's port; for `worker`, give QUEUE_HEALTH_CHECK_ACTIVE=true and QUEUE_HEALTH_CHECK_PORT=port
 * in `env` (a worker has no other server).
 */
export async function launchN8n(options: LaunchN8nOptions): Promise<N8nProcess> {
	const log = options.log ?? printProgress;
	const started = Date.now();
	const userFolder = options.userFolder ?? newUserFolder();
	mkdirSync(userFolder, { recursive: true });
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const env = {
		...n8nEnvironment(options.runtime, userFolder, port, await freePort()),
		...options.env,
	};
	const logFile = join(userFolder, options.logName ?? 'n8n.log');

	log(
		`${options.name}: starting n8n ${options.runtime.n8nVersion} ${options.command[0]} on ${url} (user folder ${userFolder})…`,
	);
	const logStream = createWriteStream(logFile);
	const child = spawn(options.runtime.nodeBin, [options.runtime.n8nBin, ...options.command], {
		env,
		cwd: userFolder,
		detached: true, // its own process group, so stop() also ends the task runner it spawns
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.pipe(logStream);
	child.stderr.pipe(logStream);
	const killOnExit = () => killGroup(child, 'SIGKILL');
	process.once('exit', killOnExit);

	try {
		await waitUntilReady(url, child, logFile, options.readyTimeoutMs ?? 180_000);
	} catch (error) {
		killOnExit();
		throw error;
	}
	log(`${options.name}: ready after ${seconds(started)}`);

	const cli = async (args: string[]) =>
		runCommand(options.runtime.nodeBin, [options.runtime.n8nBin, ...args], {
			cwd: userFolder,
			env: { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
			allowFailure: true,
		});

	return {
		url,
		userFolder,
		env,
		logFile,
		cli,
		async cliJson(args) {
			const result = await cli(args);
			if (result.code !== 0)
				throw new Error(
					`n8n ${args.join(' ')} failed (${result.code}):\n${result.stdout}\n${result.stderr}`,
				);
			return parseCliJson(result.stdout);
		},
		async stop(graceMs = 20_000) {
			const stopping = Date.now();
			process.removeListener('exit', killOnExit);
			await stopProcess(child, graceMs);
			logStream.end();
			log(`${options.name}: stopped in ${seconds(stopping)}`);
		},
		async kill() {
			process.removeListener('exit', killOnExit);
			const exited =
				child.exitCode !== null || child.signalCode !== null
					? Promise.resolve()
					: new Promise((done) => child.once('exit', done));
			killGroup(child, 'SIGKILL');
			await exited;
			logStream.end();
			log(`${options.name}: killed (SIGKILL)`);
		},
	};
}

function n8nEnvironment(
	runtime: N8nRuntime,
	userFolder: string,
	port: number,
	brokerPort: number,
): NodeJS.ProcessEnv {
	const env = cleanEnv({
		PATH: `${join(runtime.nodeBin, '..')}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_ENCRYPTION_KEY: 'directory-sync-throwaway-instance',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		GENERIC_TIMEZONE: 'Europe/Stockholm',
		TZ: 'Europe/Stockholm',
		N8N_LOG_LEVEL: 'info',
	});
	// A --import tsx (or similar) meant for our own process must not reach n8n's.
	delete env.NODE_OPTIONS;
	return env;
}

async function waitUntilReady(
	url: string,
	child: ChildProcess,
	logFile: string,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(
				`n8n exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${logTail(logFile)}`,
			);
		}
		try {
			const response = await fetch(`${url}/healthz/readiness`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((done) => setTimeout(done, 250));
	}
	throw new Error(`n8n was not ready after ${timeoutMs} ms:\n${logTail(logFile)}`);
}

function logTail(logFile: string, lines = 30): string {
	try {
		return readFileSync(logFile, 'utf8').trim().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

async function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	killGroup(child, 'SIGTERM');
	const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	// The task runner may outlive the main process by a moment.
	killGroup(child, 'SIGKILL');
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

/**
 * The CLI prints lines such as "n8n Task Broker ready on 127.0.0.1, port 12345", a note about the
 * Python runner and "[license SDK] …" before its JSON: parse from the first line where JSON starts.
 */
export function parseCliJson(stdout: string): unknown {
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (!/^[[{]/.test(lines[start])) continue;
		try {
			return JSON.parse(lines.slice(start).join('\n'));
		} catch {
			// a log line that only looks like JSON; try the next one
		}
	}
	throw new Error(`No JSON in the n8n CLI output:\n${stdout.slice(0, 2000)}`);
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}
