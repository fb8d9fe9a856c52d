import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/* GoPublic's import API, as far as this credential needs it (docs/apis.md). */
/** Confirmed: the import path on the customer's GoPublic admin host. */
export const IMPORT_PATH = '/backend/member/import-by-api-key';

/** Confirmed: the header carrying the API key. */
export const API_KEY_HEADER = 'x-api-key';

/**
 * Status meanings, in the words an admin reads. 403 is confirmed (IP whitelist); 401 for a wrong
 * or missing key is assumed.
 */
export const STATUS_WORDING = {
	401: 'GoPublic refused the API key (401). Check the API key in the GoPublic credential.',
	403:
		'GoPublic refused the address this n8n connects from (403 Forbidden / Access Denied). GoPublic only accepts ' +
		"imports from whitelisted IP addresses: ask GoPublic to whitelist the public IP address of n8n's server.",
	404: 'GoPublic has no import endpoint at this address (404). Check the domain or endpoint in the GoPublic credential.',
	415: 'GoPublic refused the request format (415): it only accepts JSON.',
} as const;

export class GoPublicApi implements ICredentialType {
	name = 'goPublicApi';

	displayName = 'GoPublic API';

	documentationUrl = 'https://github.com/directory-sync/n8n-nodes-directory-sync#gopublic';

	icon: Icon = { light: 'file:gopublic.svg', dark: 'file:gopublic.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Address Type',
			name: 'addressType',
			type: 'options',
			options: [
				{
					name: 'Customer Domain',
					value: 'domain',
					description:
						'Give your site\'s domain; the import address "https://gapi.admin.<domain>' +
						IMPORT_PATH +
						'" is built from it',
				},
				{
					name: 'Endpoint',
					value: 'endpoint',
					description: 'Give the full import address GoPublic sent you',
				},
			],
			default: 'domain',
		},
		{
			displayName: 'Customer Domain',
			name: 'domain',
			type: 'string',
			default: '',
			placeholder: 'e.g. nordskolen.dk',
			description: 'The domain of your GoPublic site, without https://',
			displayOptions: { show: { addressType: ['domain'] } },
			required: true,
		},
		{
			displayName: 'Endpoint',
			name: 'endpoint',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://gapi.admin.nordskolen.dk/backend/member/import-by-api-key',
			description: 'The full address of the member import',
			displayOptions: { show: { addressType: ['endpoint'] } },
			required: true,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Origin',
			name: 'origin',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://intra.nordskolen.dk',
			description:
				"The address of your GoPublic site, sent as the Origin header as in GoPublic's own example",
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				[API_KEY_HEADER]: '={{$credentials.apiKey}}',
				Origin: '={{$credentials.origin}}',
			},
		},
	};

	// An empty import changes nothing, so it is a safe way to check the address, the key and the IP whitelist.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url:
				'={{$credentials.addressType === "endpoint" ? $credentials.endpoint.trim() : ' +
				`"https://gapi.admin." + $credentials.domain.trim() + "${IMPORT_PATH}"}}`,
			headers: { 'Content-Type': 'application/json' },
			body: { members: [] },
			json: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: STATUS_WORDING[401] },
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: STATUS_WORDING[403] },
			},
			{
				type: 'responseCode',
				properties: { value: 404, message: STATUS_WORDING[404] },
			},
		],
	};
}
