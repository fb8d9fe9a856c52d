import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { MailDocument } from '../../../../nodes/SyncDigest/helpers/mailDocument';
import { escapeHtml, mailHtml } from '../../../../nodes/SyncDigest/helpers/mailHtml';

const HOSTILE = `<script>alert("x")</script> & 'quoted'`;
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;';

function documentWith(value: string, link?: string): MailDocument {
	return {
		subject: 'Sync digest: 1 failed',
		intro: `Intro ${value}`,
		sections: [
			{
				title: 'Needs a look',
				tone: 'red',
				none: 'Nothing.',
				entries: [
					{ lead: `Lead ${value}`, text: `Text ${value}`, details: [`Detail ${value}`], link },
				],
			},
			{ title: 'Went through', tone: 'green', none: `None ${value}`, entries: [] },
		],
	};
}

describe('the HTML mail', () => {
	it('escapes &, <, >, " and \'', () => {
		assert.equal(escapeHtml(HOSTILE), ESCAPED);
	});

	it('escapes every value it shows: intro, lead, text, details, an empty section, and the link', () => {
		const html = mailHtml(documentWith(HOSTILE, 'https://n8n.example/?a=1&b="2"'));
		assert.ok(!html.includes('<script>'), html);
		assert.ok(!html.includes(`'quoted'`), html);
		for (const shown of ['Intro', 'Lead', 'Text', 'Detail', 'None']) {
			assert.ok(html.includes(`${shown} ${ESCAPED}`), `${shown} not escaped: ${html}`);
		}
		assert.ok(
			html.includes('<a href="https://n8n.example/?a=1&amp;b=&quot;2&quot;">Open the run</a>'),
			html,
		);
	});

	it('bolds what an entry is about; a section with entries takes its colour, an empty one stays grey', () => {
		const html = mailHtml(documentWith('x', 'https://n8n.example/run'));
		assert.match(html, /<h3 style="color:#b42318;[^"]*">Needs a look<\/h3>/);
		assert.match(html, /<h3 style="color:#59636e;[^"]*">Went through<\/h3>/);
		assert.match(
			html,
			/<li[^>]*><strong>Lead x<\/strong>: Text x<br><span[^>]*>Detail x<\/span><br><a href="https:\/\/n8n.example\/run">Open the run<\/a><\/li>/,
		);
		assert.doesNotMatch(mailHtml(documentWith('x')), /<a /);
	});
});
