/**
 * How the digest names things: a workflow's nights by customer (or workflow name) and target,
 * counts with their noun, names in a reader's order. Pure.
 */
import type { Night } from './readNights';

/** The customer, or the workflow's name where the night has no customer. */
export const whoOf = (night: Night) =>
	night.customer || night.workflowName || `Workflow ${night.workflowId}`;

/** "Ängsskolan — Learnifier": the heading of a night in the mail. */
export const nightLabel = (night: Night) =>
	night.target ? `${whoOf(night)} — ${night.target}` : whoOf(night);

/** "Ängsskolan (Learnifier)": what a warning is about. */
export const warningLabel = (night: Night) =>
	night.target ? `${whoOf(night)} (${night.target})` : whoOf(night);

/** Names in the order a Swedish reader looks them up: Å, Ä and Ö after Z. */
export const byName = (a: string, b: string) => a.localeCompare(b, 'sv');

/** "1 warning", "3 warnings". */
export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
