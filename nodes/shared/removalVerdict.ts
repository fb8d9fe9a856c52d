/**
 * The one decision about tonight's removals (Reconcile's deletes, GoPublic's locks): within the
 * limits they go; over them the night stops or holds them, by the admin's policy; an approval
 * code lets a held set through. Pure.
 *
 * Where the node remembers which removals were held under which code (GoPublic's memory), an
 * approval lets through the approved people who are still leaving, and the others (ordinary
 * churn since) are judged on their own against the limits. Without that memory, the code
 * approves exactly the set it was made for.
 */
import { approvalCode, approves, heldBecause } from './approvalCode';
import { OVER_LIMIT, type OverLimitPolicy } from './guardOptions';
import { trimmedText } from './values';

export interface RemovalQuestion {
	/** Keys of tonight's removals. */
	removals: string[];
	/** Why this many removals are too many, or undefined when they are within the limits. */
	violation: (count: number) => string | undefined;
	policy: OverLimitPolicy;
	/** The code the admin entered (Approve Held Removals). */
	entered: unknown;
	/** Remembered held removals: key → the code they were held under. */
	heldBefore?: ReadonlyMap<string, string>;
	/** How many records the limits' percentage is of, and what the node calls a removal. */
	targetCount: number;
	noun: 'removals' | 'locks';
}

export type RemovalVerdict =
	| { kind: 'stop'; violation: string }
	| {
			kind: 'go';
			/** Removals to make tonight. */
			remove: string[];
			/** Removals held back, with the code that approves them and why. */
			held: string[];
			code?: string;
			heldBecause?: string;
			/** The entered code, when it let removals through tonight, and whom. */
			approvedCode?: string;
			approvedCount?: number;
			approvedKeys?: string[];
	  };

function approvedTonight(question: RemovalQuestion): Set<string> {
	const entered = trimmedText(question.entered)?.toLowerCase();
	if (entered === undefined) return new Set();
	if (question.heldBefore) {
		return new Set(question.removals.filter((key) => question.heldBefore?.get(key) === entered));
	}
	return new Set(approves(entered, question.removals) ? question.removals : []);
}

export function judgeRemovals(question: RemovalQuestion): RemovalVerdict {
	const approved = approvedTonight(question);
	const rest = question.removals.filter((key) => !approved.has(key));
	const approvedCode = approved.size > 0 ? trimmedText(question.entered)?.toLowerCase() : undefined;
	const approvedCount = approved.size > 0 ? approved.size : undefined;
	const approvedKeys = approved.size > 0 ? [...approved] : undefined;
	const violation = question.violation(rest.length);
	if (violation === undefined)
		return {
			kind: 'go',
			remove: question.removals,
			held: [],
			approvedCode,
			approvedCount,
			approvedKeys,
		};
	if (question.policy === OVER_LIMIT.stop) return { kind: 'stop', violation };
	const code = approvalCode(rest);
	return {
		kind: 'go',
		remove: [...approved],
		held: rest,
		code,
		heldBecause: heldBecause(rest.length, question.targetCount, question.noun, code),
		approvedCode,
		approvedCount,
		approvedKeys,
	};
}
