/**
 * Debian's Chromium for the browser check (playwright-core never downloads a browser here).
 * Where it is missing and we are root with apt-get, it is installed (`apt-get install chromium`,
 * about a minute). Elsewhere the caller is told why it is unavailable and the one command that
 * enables it: a system package the README's commands never asked for must not turn a user's test
 * run red. Under CI (CI=true) a missing browser is an error, never a skip.
 */
import { existsSync } from 'node:fs';

import { printProgress, seconds, type Log } from './progress';
import { runCommand } from './runCommand';

export const CHROMIUM = '/usr/bin/chromium';
export const ENABLE_CHROMIUM = 'sudo apt-get install -y chromium';

export type ChromiumStatus = { available: true } | { available: false; reason: string };

export async function ensureChromium(log: Log = printProgress): Promise<ChromiumStatus> {
	if (existsSync(CHROMIUM)) return { available: true };
	const reason = await installChromium(log);
	if (reason === undefined) return { available: true };
	if (process.env.CI === 'true')
		throw new Error(`The browser check must run under CI, but ${reason}`);
	return { available: false, reason: `${reason} To enable the browser check: ${ENABLE_CHROMIUM}` };
}

/** Resolves with undefined when installed, else with why not. */
async function installChromium(log: Log): Promise<string | undefined> {
	const isRoot = process.getuid?.() === 0;
	if (!isRoot || !existsSync('/usr/bin/apt-get')) {
		return `${CHROMIUM} is missing and installing it needs root and apt-get.`;
	}
	const started = Date.now();
	log(
		`browser check: ${CHROMIUM} is missing; installing Debian's chromium with apt-get (about a minute)…`,
	);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	try {
		await runCommand('apt-get', ['update', '-qq'], { env });
		await runCommand('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
	} catch (error) {
		return `${CHROMIUM} is missing and apt-get could not install it (${(error as Error).message.split('\n')[0]}).`;
	}
	if (!existsSync(CHROMIUM)) return `apt-get installed chromium but ${CHROMIUM} is still missing.`;
	log(`browser check: chromium installed in ${seconds(started)}`);
	return undefined;
}
