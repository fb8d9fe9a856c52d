import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	API_KEY_HEADER,
	IMPORT_PATH,
	STATUS_WORDING,
} from '../nodes/GoPublic/transport/apiContract';

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
