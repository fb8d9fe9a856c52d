import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

const pem = (value: unknown) =>
	typeof value === 'string' && value.trim() !== '' ? value.trim().replace(/\\n/g, '\n') : undefined;

/**
 * The TLS options that present the credential's client certificate (n8n's request helper passes
 * `agentOptions` to Node's https agent); undefined when the credential has none.
 */
export function clientCertificateOptions(
	credentials: ICredentialDataDecryptedObject,
): IDataObject | undefined {
	if (credentials.mutualTls !== true) return undefined;
	const options: IDataObject = {};
	const cert = pem(credentials.certificate);
	const key = pem(credentials.privateKey);
	const ca = pem(credentials.caCertificate);
	if (cert) options.cert = cert;
	if (key) options.key = key;
	if (ca) options.ca = ca;
	if (typeof credentials.passphrase === 'string' && credentials.passphrase !== '')
		options.passphrase = credentials.passphrase;
	return Object.keys(options).length > 0 ? options : undefined;
}
