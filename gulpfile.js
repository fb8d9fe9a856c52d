// Build steps after tsc:
// - copy what tsc does not: node and credential icons, and the codex (.node.json) files;
// - bundle our runtime libraries (zod, csv-parse) into each node file. n8n's community-node rules
//   forbid runtime "dependencies" (they would be installed into the n8n instance and can clash
//   with other packages); n8n-workflow stays external, because n8n provides it.
const path = require('path');
const { parallel, task, src, dest } = require('gulp');
const esbuild = require('esbuild');
const { n8n } = require('./package.json');

function copyAssets() {
	const nodeAssets = path.resolve('nodes', '**', '*.{png,svg,json}');
	const credentialAssets = path.resolve('credentials', '**', '*.{png,svg}');
	return src([nodeAssets, credentialAssets], { base: '.', encoding: false }).pipe(dest('dist'));
}

function bundleRuntimeLibraries() {
	return esbuild.build({
		entryPoints: n8n.nodes,
		outdir: 'dist',
		outbase: 'dist',
		allowOverwrite: true,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		external: ['n8n-workflow'],
		sourcemap: true,
		logLevel: 'warning',
	});
}

task('build:assets', copyAssets);
task('build:bundle', bundleRuntimeLibraries);
task('build', parallel(copyAssets, bundleRuntimeLibraries));
