import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { INodeProperties, INodeType } from 'n8n-workflow';

import { DEFAULT_DELETION_LIMITS } from '../../../nodes/shared/deletionGuard';
import { loadNodeTypes, PACKAGE_NAME } from '../../engine/nodeTypes';

/** The node's parameters as n8n loads them (a plain import of X.node would find X.node.json). */
function propertiesOf(name: string): INodeProperties[] {
	const type = `${PACKAGE_NAME}.${name}`;
	return (loadNodeTypes([type]).nodeTypes.get(type) as INodeType).description.properties;
}

/** Every parameter of a node, options of collections included. */
function allParameters(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		property,
		...allParameters(
			((property.options ?? []) as INodeProperties[]).filter((option) => 'type' in option),
		),
	]);
}

const defaultOf = (properties: INodeProperties[], name: string) =>
	allParameters(properties).find((property) => property.name === name)?.default;

// n8n's lint and scanner want literal defaults in node descriptions; the limits live in one place.
describe('the deletion guard defaults shown in the editor are the shared ones', () => {
	it('Reconcile: Max Deletions and Max Deletion Percentage', () => {
		const properties = propertiesOf('reconcile');
		assert.equal(defaultOf(properties, 'maxDeletions'), DEFAULT_DELETION_LIMITS.maxDeletions);
		assert.equal(
			defaultOf(properties, 'maxDeletionPercent'),
			DEFAULT_DELETION_LIMITS.maxDeletionPercent,
		);
	});

	it('GoPublic: Max Locks and Max Lock Percentage', () => {
		const properties = propertiesOf('goPublic');
		assert.equal(defaultOf(properties, 'maxLocks'), DEFAULT_DELETION_LIMITS.maxDeletions);
		assert.equal(
			defaultOf(properties, 'maxLockPercent'),
			DEFAULT_DELETION_LIMITS.maxDeletionPercent,
		);
	});
});
