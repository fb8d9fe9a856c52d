/**
 * A throwaway Redis for one queue-mode run: its own port on 127.0.0.1, nothing saved to disk
 * (`--save '' --appendonly no`), not daemonized, so it is our child and `stop()` ends it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from './n8nInstance';
import { printProgress, seconds, type Log } from './progress';

export interface RedisServer {
	host: string;
	port: number;
	stop(): Promise<void>;
}

export async function startRedis(
	redisServer: string,
	log: Log = printProgress,
): Promise<RedisServer> {
	const started = Date.now();
	const port = await freePort();
	const folder = mkdtempSync(join(tmpdir(), 'dirsync-redis-'));
	const args = [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--daemonize',
		'no',
		'--dir',
		folder,
	];
	const child = spawn(redisServer, args, { stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	const stop = async () => {
		process.removeListener('exit', killOnExit);
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((done) => child.once('exit', done));
			child.kill('SIGTERM');
			await exited;
		}
		rmSync(folder, { recursive: true, force: true });
	};
	try {
		await waitForPong(
			port,
			() => child.exitCode !== null,
			() => output,
		);
	} catch (error) {
		await stop();
		throw error;
	}
	log(`redis: ready on 127.0.0.1:${port} after ${seconds(started)}`);
	return { host: '127.0.0.1', port, stop };
}

async function waitForPong(
	port: number,
	exited: () => boolean,
	output: () => string,
): Promise<void> {
	const deadline = Date.now() + 15_000;
	while (Date.now() < deadline) {
		if (exited())
			throw new Error(`redis-server exited before it was ready:\n${output().slice(-2000)}`);
		if (await ping(port)) return;
		await new Promise((done) => setTimeout(done, 100));
	}
	throw new Error(
		`redis-server did not answer PING on port ${port} within 15 s:\n${output().slice(-2000)}`,
	);
}

function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.setTimeout(1000);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}
