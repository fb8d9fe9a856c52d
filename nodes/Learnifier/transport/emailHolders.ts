import { DEFAULT_PAGE_SIZE, type LearnifierUser } from './apiContract';
import type { LearnifierTransport } from './learnifierTransport';
import { listUsers } from './listUsers';

/**
 * Finds which user holds an e-mail address, to name them in a conflict error. Learnifier has no
 * search by e-mail, so the realm is read once per execution (only when a conflict happens) and
 * read again when the address is not in the copy (it may have been taken since).
 */
export class EmailHolders {
	private byEmail: Promise<Map<string, LearnifierUser>> | undefined;

	constructor(private readonly api: LearnifierTransport) {}

	async holderOf(email: string, itemIndex: number): Promise<LearnifierUser | undefined> {
		const key = email.toLowerCase();
		const found = (await this.load(itemIndex, false)).get(key);
		return found ?? (await this.load(itemIndex, true)).get(key);
	}

	private load(itemIndex: number, fresh: boolean) {
		if (!this.byEmail || fresh) {
			this.byEmail = listUsers(this.api, { pageSize: DEFAULT_PAGE_SIZE, itemIndex }).then(
				(users) =>
					new Map(
						users.filter((u) => u.primaryEmail).map((u) => [u.primaryEmail!.toLowerCase(), u]),
					),
			);
		}
		return this.byEmail;
	}
}
