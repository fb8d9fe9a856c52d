import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { MailDocument } from '../../../../nodes/SyncDigest/helpers/mailDocument';
import { mailText } from '../../../../nodes/SyncDigest/helpers/mailText';

describe('the plain-text mail', () => {
	it('the intro, then each section under its title: entries with their details and link, or what it says when empty', () => {
		const document: MailDocument = {
			subject: 'Sync digest: 1 failed',
			intro: '1 night since Mon 7 Dec 07:00 (times in Europe/Stockholm).',
			sections: [
				{
					title: 'Needs a look',
					tone: 'red',
					none: 'Nothing.',
					entries: [
						{
							lead: 'Ängsskolan — Learnifier',
							text: '0 created, 80 failed',
							details: ['failed, Tue 8 Dec 02:00: 80 of 80 writes failed'],
							link: 'https://n8n.example/workflow/1/executions/2',
						},
					],
				},
				{ title: 'Went through', tone: 'green', none: 'No sync went through.', entries: [] },
				{
					title: 'Warnings',
					tone: 'amber',
					none: 'None.',
					entries: [{ lead: 'Nightly HR', text: 'active, but did not run', details: [] }],
				},
			],
		};
		assert.equal(
			mailText(document),
			[
				'1 night since Mon 7 Dec 07:00 (times in Europe/Stockholm).',
				'',
				'NEEDS A LOOK',
				'- Ängsskolan — Learnifier: 0 created, 80 failed',
				'  failed, Tue 8 Dec 02:00: 80 of 80 writes failed',
				'  https://n8n.example/workflow/1/executions/2',
				'',
				'WENT THROUGH',
				'No sync went through.',
				'',
				'WARNINGS',
				'- Nightly HR: active, but did not run',
				'',
			].join('\n'),
		);
	});
});
