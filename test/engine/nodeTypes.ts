/**
 * Finds the node and credential classes a test workflow names: ours from the source tree (the
 * same files package.json's `n8n` section lists, built), n8n's own from n8n-nodes-base.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

import packageJson from '../../package.json';

export type NodeTypeName = string;

export const PACKAGE_NAME = packageJson.name;
const repoRoot = join(__dirname, '..', '..');
const baseNodesRoot = dirname(require.resolve('n8n-nodes-base/package.json'));

type NodeClass = new () => INodeType | IVersionedNodeType;
type CredentialClass = new () => ICredentialType;

function firstExportedClass<T>(modulePath: string): T {
	const exported = Object.values(require(modulePath) as Record<string, unknown>);
	const found = exported.find((value) => typeof value === 'function');
	if (!found) throw new Error(`No class exported by ${modulePath}`);
	return found as T;
}

/** `dist/nodes/X/X.node.js` → `<repo>/nodes/X/X.node.ts`; tsx loads the TypeScript source. */
function sourcePathOf(distPath: string) {
	return join(repoRoot, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

let ourNodes: Map<string, INodeType | IVersionedNodeType> | undefined;
let ourCredentials: Map<string, ICredentialType> | undefined;

/** Every node and credential this package declares, loaded from the source tree. */
export function loadOurs() {
	if (ourNodes && ourCredentials) return { nodes: ourNodes, credentials: ourCredentials };
	ourNodes = new Map();
	// A listed file that does not exist yet (a node still being written) is simply not available.
	for (const path of packageJson.n8n.nodes.filter((p) => existsSync(sourcePathOf(p)))) {
		const node = new (firstExportedClass<NodeClass>(sourcePathOf(path)))();
		ourNodes.set(`${PACKAGE_NAME}.${node.description.name}`, node);
	}
	ourCredentials = new Map();
	for (const path of packageJson.n8n.credentials.filter((p) => existsSync(sourcePathOf(p)))) {
		const credential = new (firstExportedClass<CredentialClass>(sourcePathOf(path)))();
		ourCredentials.set(credential.name, credential);
	}
	return { nodes: ourNodes, credentials: ourCredentials };
}

const baseNodeFiles = new Map<string, string>();
function baseNodePath(shortName: string) {
	if (baseNodeFiles.size === 0) {
		const basePackage = require('n8n-nodes-base/package.json') as { n8n: { nodes: string[] } };
		for (const path of basePackage.n8n.nodes) {
			baseNodeFiles.set(basename(path, '.node.js').toLowerCase(), join(baseNodesRoot, path));
		}
	}
	const path = baseNodeFiles.get(shortName.toLowerCase());
	if (!path) throw new Error(`n8n-nodes-base has no node called ${shortName}`);
	return path;
}

const baseNodes = new Map<string, INodeType | IVersionedNodeType>();
function loadBaseNode(typeName: string) {
	let node = baseNodes.get(typeName);
	if (!node) {
		const shortName = typeName.slice('n8n-nodes-base.'.length);
		node = new (firstExportedClass<NodeClass>(baseNodePath(shortName)))();
		baseNodes.set(typeName, node);
	}
	return node;
}

export function loadNodeTypes(typeNames: NodeTypeName[]) {
	const ours = loadOurs();
	const nodeTypes = new Map<string, INodeType | IVersionedNodeType>();
	for (const typeName of new Set(typeNames)) {
		if (typeName.startsWith('n8n-nodes-base.')) nodeTypes.set(typeName, loadBaseNode(typeName));
		else {
			const node = ours.nodes.get(typeName);
			if (!node) throw new Error(`Unknown node type in test workflow: ${typeName}`);
			nodeTypes.set(typeName, node);
		}
	}
	return { nodeTypes, credentialTypes: ours.credentials };
}
