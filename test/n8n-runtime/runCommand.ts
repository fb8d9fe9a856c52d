/**
 * Runs a program and resolves with its output, rejecting with the tail of its output when it
 * fails. The child gets our environment without the npm_* variables that `npm run` adds: a nested
 * `npm install` would otherwise take the outer project's prefix and config for its own.
 */
import { spawn } from 'node:child_process';

export interface CommandResult {
	code: number;
	stdout: string;
	stderr: string;
}

export interface CommandOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Pass the child's output through to ours (for long, chatty steps) instead of collecting it. */
	inheritOutput?: boolean;
	/** Resolve with a non-zero exit code instead of rejecting. */
	allowFailure?: boolean;
}

export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!key.toLowerCase().startsWith('npm_')) env[key] = value;
	}
	return { ...env, ...extra };
}

export function runCommand(
	program: string,
	args: string[],
	options: CommandOptions = {},
): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(program, args, {
			cwd: options.cwd,
			env: options.env ?? cleanEnv(),
			stdio: options.inheritOutput ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			const result = { code: code ?? 1, stdout, stderr };
			if (result.code === 0 || options.allowFailure) return resolve(result);
			const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-25).join('\n');
			reject(
				new Error(
					`${program} ${args.join(' ')} exited with ${result.code} (in ${options.cwd ?? process.cwd()}):\n${tail}`,
				),
			);
		});
	});
}
