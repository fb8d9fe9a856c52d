/**
 * Debian's Redis for the queue-mode test and benchmark (no npm package ships a Redis binary).
 * Where `redis-server` is missing and we are root with apt-get, Debian's redis-server is installed
 * (apt-get update + install, seconds to a minute). Elsewhere the caller is told why it is
 * unavailable and the one command that enables it, as for the browser check: a system package the
 * README's commands never asked for must not turn a user's test run red. Under CI (CI=true) a
 * missing Redis is an error, never a skip.
 */
import { existsSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

import { printProgress, seconds, type Log } from './progress';
import { runCommand } from './runCommand';

export const ENABLE_REDIS = 'sudo apt-get install -y redis-server';

export type RedisStatus =
	| { available: true; redisServer: string }
	| { available: false; reason: string };

export async function ensureRedis(log: Log = printProgress): Promise<RedisStatus> {
	const found = findRedisServer();
	if (found) return { available: true, redisServer: found };
	const reason = await installRedis(log);
	const installed = findRedisServer();
	if (reason === undefined && installed) return { available: true, redisServer: installed };
	const why = reason ?? 'apt-get installed redis-server but no redis-server is on the PATH.';
	if (process.env.CI === 'true') throw new Error(`Queue mode must be tested under CI, but ${why}`);
	return { available: false, reason: `${why} To enable the queue-mode test: ${ENABLE_REDIS}` };
}

/** redis-server on the PATH, or in Debian's place (/usr/bin) when PATH is short. */
function findRedisServer(): string | undefined {
	const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin'].filter(
		(dir) => isAbsolute(dir),
	);
	return folders.map((dir) => join(dir, 'redis-server')).find((file) => existsSync(file));
}

/** Resolves with undefined when installed, else with why not. */
async function installRedis(log: Log): Promise<string | undefined> {
	const isRoot = process.getuid?.() === 0;
	if (!isRoot || !existsSync('/usr/bin/apt-get')) {
		return 'redis-server is missing and installing it needs root and apt-get.';
	}
	const started = Date.now();
	log("queue mode: redis-server is missing; installing Debian's redis-server with apt-get…");
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	try {
		await runCommand('apt-get', ['update', '-qq'], { env });
		await runCommand('apt-get', ['install', '-y', '-qq', 'redis-server'], { env });
	} catch (error) {
		return `redis-server is missing and apt-get could not install it (${(error as Error).message.split('\n')[0]}).`;
	}
	log(`queue mode: redis-server installed in ${seconds(started)}`);
	return undefined;
}
