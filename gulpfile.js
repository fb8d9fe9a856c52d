// Copies what tsc does not: node and credential icons, and the codex (.node.json) files.
const path = require('path');
const { task, src, dest } = require('gulp');

task('build:assets', copyAssets);

function copyAssets() {
	const nodeAssets = path.resolve('nodes', '**', '*.{png,svg,json}');
	const credentialAssets = path.resolve('credentials', '**', '*.{png,svg}');
	return src([nodeAssets, credentialAssets], { base: '.', encoding: false }).pipe(dest('dist'));
}
