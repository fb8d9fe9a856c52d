/**
 * A credential that could not be made ready for a request (its token endpoint refused the client,
 * say) is no network problem: retrying will not help, and the admin must correct the credential.
 * Credentials throw it from their `preAuthentication`; n8n wraps it in a NodeApiError, so it is
 * found again through the `cause` chain.
 */
export const CREDENTIAL_REFUSED = 'CredentialRefusedError';

export class CredentialRefusedError extends Error {
	constructor(
		message: string,
		/** What the admin can do about it. */
		readonly hint?: string,
	) {
		super(message);
		this.name = CREDENTIAL_REFUSED;
	}
}

/** The refusal an error was caused by, however deep n8n wrapped it; undefined for other errors. */
export function credentialRefusalIn(error: unknown): CredentialRefusedError | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
		if ((current as Error).name === CREDENTIAL_REFUSED) return current as CredentialRefusedError;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}
