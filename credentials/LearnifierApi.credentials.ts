import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class LearnifierApi implements ICredentialType {
	name = 'learnifierApi';

	displayName = 'Learnifier API';

	icon: Icon = { light: 'file:learnifier.svg', dark: 'file:learnifier.dark.svg' };

	documentationUrl =
		'https://github.com/directory-sync/n8n-nodes-directory-sync#learnifier-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Instance Address',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://yourschool.learnifier.com/public-api/v1',
			description:
				"The address of your Learnifier instance's Public API, as Learnifier gave it to you (starts with https://)",
			required: true,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			default: '',
			typeOptions: { password: true },
			description: 'A Back Office API key: user sync needs realm-wide access',
			required: true,
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.apiKey}}',
				password: '={{$credentials.apiSecret}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/users',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Learnifier refused the API key or secret: check both for typing errors',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'This key has no realm-wide access: user sync needs a Back Office API key. Ask Learnifier for one.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Nothing answers at this address: check the Instance Address (it should end with the API path)',
				},
			},
		],
	};
}
