import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class AdmentumApi implements ICredentialType {
	name = 'admentumApi';

	displayName = 'Admentum API';

	documentationUrl =
		'https://github.com/directory-sync/n8n-nodes-directory-sync#admentum-credential';

	icon = {
		light: 'file:../nodes/Admentum/admentum.svg',
		dark: 'file:../nodes/Admentum/admentum.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Address',
			name: 'apiAddress',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://skola.admentum.se/api/csv/v1',
			description:
				'The API address of your Admentum environment, as Admentum gave it: ending in /api/csv/v1 (CSV export API) or /api/v1 (JSON API)',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key Admentum gave you for reading schools, students and teachers',
		},
		{
			displayName: 'Send Key As',
			name: 'keyPlacement',
			type: 'options',
			options: [
				{ name: 'Authorization: Token <Key>', value: 'token' },
				{ name: 'Authorization: Bearer <Key>', value: 'bearer' },
				{ name: 'Custom Header', value: 'customHeader' },
			],
			default: 'token',
			description:
				'How Admentum expects the key. Token is the usual way; use the others only if Admentum says so.',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-Api-Key',
			required: true,
			displayOptions: { show: { keyPlacement: ['customHeader'] } },
			description: 'The name of the header that carries the bare key',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'={{ $credentials.keyPlacement === "customHeader" ? String($credentials.headerName).trim() : "Authorization" }}':
					'={{ ($credentials.keyPlacement === "customHeader" ? "" : $credentials.keyPlacement === "bearer" ? "Bearer " : "Token ") + $credentials.apiKey }}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.apiAddress).trim().replace(/\\/+$/, "") }}',
			url: '/schools',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Admentum refused the API key: check the key and how it is sent',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The API key works but may not read school units: ask the Admentum administrator for read access',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'This is not an Admentum API address: it should end in /api/csv/v1 or /api/v1',
				},
			},
		],
	};
}
