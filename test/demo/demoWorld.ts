/**
 * The seeded data the demo and the end-to-end tests run the templates on: 400 people in the four
 * school units the templates name (101-104); Learnifier synced a while ago (12 joiners missing,
 * 6 leavers still there, 4 renamed, 3 new e-mails, 2 admins made by hand); GoPublic empty.
 */
import type { StartAllOptions } from '../simulators/startAll';

export const DEMO_WORLD = {
	seed: 2026,
	people: 400,
	schools: 4,
	drift: { joiners: 12, leavers: 6, renamed: 4, emailChanged: 3 },
	learnifierAdmins: 2,
} satisfies StartAllOptions;
