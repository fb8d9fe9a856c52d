import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { clientCertificateOptions } from '../nodes/Ss12000/transport/clientCertificate';
import { fetchClientCredentialsToken } from '../nodes/Ss12000/transport/clientCredentialsToken';

const CLIENT_CREDENTIALS = { show: { authentication: ['clientCredentials'] } };
const WITH_CERTIFICATE = { show: { mutualTls: [true] } };

export class Ss12000Api implements ICredentialType {
	name = 'ss12000Api';

	displayName = 'SS 12000 API';

	documentationUrl =
		'https://github.com/directory-sync/n8n-nodes-directory-sync#ss-12000-credential';

	icon = {
		light: 'file:../nodes/Ss12000/ss12000.svg',
		dark: 'file:../nodes/Ss12000/ss12000.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Address',
			name: 'apiAddress',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://api.example.se/ss12000/v2',
			description:
				'The address of the SS 12000 API, as the school system provider gave it (the part before /organisations)',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'OAuth2 Client Credentials',
					value: 'clientCredentials',
					description: 'n8n fetches a token from the token URL with a client ID and secret',
				},
				{ name: 'Fixed Token', value: 'token', description: 'A token the provider gave you' },
			],
			default: 'clientCredentials',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['token'] } },
			description: 'Sent as Authorization: Bearer <token>',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://login.example.se/oauth2/token',
			displayOptions: CLIENT_CREDENTIALS,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: CLIENT_CREDENTIALS,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: CLIENT_CREDENTIALS,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: '',
			displayOptions: CLIENT_CREDENTIALS,
			description: 'Leave empty unless the provider gave you one',
		},
		{
			displayName: 'Send Client ID and Secret',
			name: 'clientAuthentication',
			type: 'options',
			options: [
				{ name: 'As Basic Auth Header', value: 'header' },
				{ name: 'In the Body', value: 'body' },
			],
			default: 'header',
			displayOptions: CLIENT_CREDENTIALS,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Use a Client Certificate',
			name: 'mutualTls',
			type: 'boolean',
			default: false,
			description: 'Whether the provider requires n8n to present a client certificate (mutual TLS)',
		},
		{
			displayName: 'Certificate (PEM)',
			name: 'certificate',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: WITH_CERTIFICATE,
			description: 'The client certificate, from -----BEGIN CERTIFICATE----- on',
		},
		{
			displayName: 'Private Key (PEM)',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: WITH_CERTIFICATE,
		},
		{
			displayName: 'Key Passphrase',
			name: 'passphrase',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: WITH_CERTIFICATE,
			description: 'Only if the private key is protected by one',
		},
		{
			displayName: 'CA Certificate (PEM)',
			name: 'caCertificate',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: WITH_CERTIFICATE,
			description: "Only if the provider's server certificate is not signed by a public CA",
		},
	];

	/** Fetches a client-credentials token when n8n has none stored, or the API refused the stored one. */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		if (credentials.authentication === 'token') return {};
		const accessToken = await fetchClientCredentialsToken(this, {
			tokenUrl: String(credentials.tokenUrl ?? ''),
			clientId: String(credentials.clientId ?? ''),
			clientSecret: String(credentials.clientSecret ?? ''),
			scope: String(credentials.scope ?? ''),
			clientAuthentication: String(credentials.clientAuthentication ?? 'header'),
			agentOptions: clientCertificateOptions(credentials),
		});
		return { accessToken };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const token =
			credentials.authentication === 'token' ? credentials.token : credentials.accessToken;
		const tls = clientCertificateOptions(credentials);
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(token ?? '')}` },
			...(tls ? { agentOptions: { ...requestOptions.agentOptions, ...tls } } : {}),
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.apiAddress).trim().replace(/\\/+$/, "") }}',
			url: '/organisations',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'SS 12000 refused the token: check the fixed token, or the client ID, secret and scope',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The token works but may not read organisations: ask the provider to give the client read access',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'This is not an SS 12000 API address: it should be the part before /organisations',
				},
			},
		],
	};
}
