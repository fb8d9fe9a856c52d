/**
 * What a sync changed in a target, read from the simulator itself (its records before and after,
 * and its request log), never from n8n's own account of the run.
 */
import type { RunningSimulator } from '../simulators/kit/simulatorServer';
import type { LearnifierSimulator } from '../simulators/learnifier/learnifierSimulator';
import type { GoPublicSimulator } from '../simulators/gopublic/gopublicSimulator';
import { distinctMembers } from '../simulators/gopublic/memberImport';

export interface RecordSnapshot {
	/** record key → the fields that count as its content */
	records: Map<string, string>;
	/** record key → locked (hardLock in Learnifier, lockForDeletion in GoPublic) */
	locked: Map<string, boolean>;
	requestCount: number;
}

export interface TargetChanges {
	created: number;
	updated: number;
	locked: number;
	deleted: number;
	writeRequests: number;
	/** 429 answers the run got (and had to wait out). */
	rateLimited: number;
	/** 5xx answers and dropped connections. */
	failedAnswers: number;
}

export function snapshotLearnifier(sim: LearnifierSimulator): RecordSnapshot {
	const users = sim.state.users.all();
	return {
		records: new Map(
			users.map((user) => [
				user.id,
				JSON.stringify({ ...user, hardLock: undefined, locked: undefined }),
			]),
		),
		locked: new Map(users.map((user) => [user.id, user.hardLock])),
		requestCount: sim.requests.length,
	};
}

export function snapshotGoPublic(sim: GoPublicSimulator): RecordSnapshot {
	const members = distinctMembers(sim.state);
	const key = (uuids: string[]) => [...uuids].sort().join('|');
	return {
		records: new Map(members.map((member) => [key(member.uuids), JSON.stringify(member.fields)])),
		locked: new Map(members.map((member) => [key(member.uuids), member.locked])),
		requestCount: sim.requests.length,
	};
}

export function changesBetween(
	before: RecordSnapshot,
	after: RecordSnapshot,
	sim: Pick<RunningSimulator<unknown>, 'requests'>,
): TargetChanges {
	let created = 0;
	let updated = 0;
	let locked = 0;
	for (const [key, content] of after.records) {
		const earlier = before.records.get(key);
		if (earlier === undefined) created++;
		else if (earlier !== content) updated++;
		if (after.locked.get(key) && before.locked.get(key) === false) locked++;
	}
	const deleted = [...before.records.keys()].filter((key) => !after.records.has(key)).length;
	const requests = sim.requests.slice(before.requestCount);
	return {
		created,
		updated,
		locked,
		deleted,
		writeRequests: requests.filter((request) => request.method !== 'GET').length,
		rateLimited: requests.filter((request) => request.status === 429).length,
		failedAnswers: requests.filter((request) => request.status >= 500 || request.status === 0)
			.length,
	};
}

export function describeChanges(target: string, changes: TargetChanges): string {
	const parts = [
		`${changes.created} created`,
		`${changes.updated} updated`,
		`${changes.locked} locked`,
		`${changes.deleted} deleted`,
		`${changes.writeRequests} write requests`,
	];
	if (changes.rateLimited) parts.push(`${changes.rateLimited} answered 429`);
	if (changes.failedAnswers) parts.push(`${changes.failedAnswers} failed answers`);
	return `${target}: ${parts.join(', ')}`;
}
