import type { EmailHolders } from './emailHolders';
import type { LearnifierTransport } from './learnifierTransport';

/** What every item of one execution works with: the one transport and its e-mail holders. */
export interface ItemTools {
	api: LearnifierTransport;
	emailHolders: EmailHolders;
}
