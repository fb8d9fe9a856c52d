// `npm run scan`: n8n's community-package scanner, as n8n runs it on a published package, on the
// two things it checks: the sources (package.json, nodes/, credentials/) and the shipped tarball
// (its compiled .js and package.json). Run `npm run build` first. Needs `npm ci` in this folder
// (the script does it when node_modules is missing).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');

if (!existsSync(join(here, 'node_modules'))) {
	console.log('scan: installing the scanner (npm ci in test/scanner)…');
	execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps'], {
		cwd: here,
		stdio: 'inherit',
	});
}
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(
	'@n8n/scan-community-package/scanner/scanner.mjs'
);

const folder = mkdtempSync(join(tmpdir(), 'dirsync-scan-'));
try {
	execFileSync('npm', ['pack', '--pack-destination', folder], { cwd: repo, stdio: 'ignore' });
	const tarball = readdirSync(folder).find((file) => file.endsWith('.tgz'));
	execFileSync('tar', ['-xzf', tarball, '-C', folder], { cwd: folder });
	const results = {
		sources: await analyzePackage(repo, SOURCE_FILE_PATTERNS),
		tarball: await analyzePackage(join(folder, 'package'), ['**/*.js', 'package.json']),
	};
	let passed = true;
	for (const [leg, result] of Object.entries(results)) {
		console.log(`scan (${leg}): ${result.passed ? 'passed' : `FAILED: ${result.message}`}`);
		if (result.details) console.log(result.details);
		passed &&= result.passed;
	}
	process.exitCode = passed ? 0 : 1;
} finally {
	rmSync(folder, { recursive: true, force: true });
}
