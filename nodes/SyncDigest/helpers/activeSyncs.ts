/**
 * The published sync workflows, from the workflows n8n's own "n8n" node lists (Workflow → Get
 * Many): a sync is a workflow with an enabled Sync Record node, the node that writes its nights
 * into the Sync history. An item that carries an error (the node set to continue on error) is
 * reported, so the digest can say that this list is missing. Pure.
 */
import type { IDataObject } from 'n8n-workflow';

import { SYNC_RECORD_NODE_TYPE } from '../../shared/syncHistory';
import { trimmedText } from '../../shared/values';

export interface ActiveSync {
	id: string;
	name: string;
}

export interface ActiveSyncs {
	syncs: ActiveSync[];
	/** Why the list could not be read, from items that carry an error. */
	errors: string[];
}

function errorOf(item: IDataObject): string | undefined {
	const { error } = item;
	if (error === undefined || error === null) return undefined;
	if (typeof error === 'object' && !Array.isArray(error)) {
		return trimmedText((error as IDataObject).message) ?? trimmedText(error);
	}
	return trimmedText(error);
}

const recordsItsNights = (workflow: IDataObject) =>
	Array.isArray(workflow.nodes) &&
	(workflow.nodes as IDataObject[]).some(
		(node) => node?.type === SYNC_RECORD_NODE_TYPE && node.disabled !== true,
	);

export function readActiveSyncs(workflows: IDataObject[]): ActiveSyncs {
	const syncs: ActiveSync[] = [];
	const errors: string[] = [];
	const seen = new Set<string>();
	for (const workflow of workflows) {
		const error = errorOf(workflow);
		if (error !== undefined) {
			errors.push(error);
			continue;
		}
		const id = trimmedText(workflow.id);
		if (id === undefined || seen.has(id) || workflow.active === false) continue;
		if (!recordsItsNights(workflow)) continue;
		seen.add(id);
		syncs.push({ id, name: trimmedText(workflow.name) ?? `Workflow ${id}` });
	}
	return { syncs, errors };
}
