/**
 * The test SMTP server: the SMTP conversation itself over a raw socket (order of commands, no
 * STARTTLS offered, dot-stuffing, RSET), one mail through nodemailer (the client n8n's Send Email
 * node uses; it is in this project's node_modules through n8n-nodes-base) with non-ASCII text that
 * arrives quoted-printable and base64 encoded, and the message decoding on its own.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { connect, type Socket } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';

import { parseMessage } from './parseMessage';
import { startSmtpServer, type SmtpTestServer } from './smtpServer';

interface Transport {
	sendMail(mail: Record<string, unknown>): Promise<{ accepted: string[] }>;
	close(): void;
}
const nodemailer = createRequire(__filename)('nodemailer') as {
	createTransport(options: Record<string, unknown>): Transport;
};

let server: SmtpTestServer;

/** A client that sends one line at a time and returns the server's complete answer to it. */
async function openConversation(port: number) {
	const socket: Socket = connect(port, '127.0.0.1');
	socket.setEncoding('utf8');
	let buffered = '';
	const waiters: Array<() => void> = [];
	socket.on('data', (chunk: string) => {
		buffered += chunk;
		waiters.splice(0).forEach((wake) => wake());
	});
	// An answer is complete at a line "NNN text" (a space after the code, not "NNN-").
	const nextAnswer = async (): Promise<string> => {
		for (;;) {
			const match = /^(?:\d{3}-.*\r\n)*\d{3}(?: .*)?\r\n/.exec(buffered);
			if (match) {
				buffered = buffered.slice(match[0].length);
				return match[0].trimEnd();
			}
			await new Promise<void>((wake) => waiters.push(wake));
		}
	};
	const greeting = await nextAnswer();
	return {
		greeting,
		/** A line the server does not answer on its own (the message lines after DATA). */
		write: (line: string) => void socket.write(`${line}\r\n`),
		async send(line: string) {
			socket.write(`${line}\r\n`);
			return await nextAnswer();
		},
		close: () => socket.destroy(),
	};
}

describe('SMTP test server', () => {
	before(async () => {
		server = await startSmtpServer();
	});
	after(() => server.close());
	beforeEach(() => server.clear());

	it('takes a mail over plain SMTP, offers no STARTTLS, and keeps envelope, raw data and decoded text', async () => {
		const client = await openConversation(server.port);
		try {
			assert.match(client.greeting, /^220 /);
			const ehlo = await client.send('EHLO tester');
			assert.match(ehlo, /^250-/);
			assert.doesNotMatch(ehlo, /STARTTLS/);
			assert.match(await client.send('NOOP'), /^250 /);
			assert.match(await client.send('MAIL FROM:<sync@school.example> SIZE=300'), /^250 /);
			assert.match(await client.send('RCPT TO:<admin@school.example>'), /^250 /);
			assert.match(await client.send('RCPT TO:<it@school.example>'), /^250 /);
			assert.match(await client.send('DATA'), /^354 /);
			for (const line of [
				'From: sync@school.example',
				'Subject: =?UTF-8?Q?Sync_failed:_Admentum_=E2=86=92?=',
				' =?UTF-8?Q?_GoPublic?=',
				'Content-Type: text/plain; charset=utf-8',
				'Content-Transfer-Encoding: quoted-printable',
				'',
				'GoPublic refused the import: 0 created, 80 failed. Sk=C3=B6vde kommun, a lo=',
				'ng line.',
				'..a line that starts with a dot',
			]) {
				client.write(line);
			}
			assert.match(await client.send('.'), /^250 /);
			assert.match(await client.send('QUIT'), /^221 /);
		} finally {
			client.close();
		}
		assert.equal(server.mails.length, 1);
		const [mail] = server.mails;
		assert.deepEqual(mail.envelope, {
			from: 'sync@school.example',
			to: ['admin@school.example', 'it@school.example'],
		});
		assert.equal(mail.subject, 'Sync failed: Admentum → GoPublic');
		assert.equal(
			mail.text,
			'GoPublic refused the import: 0 created, 80 failed. Skövde kommun, a long line.\n.a line that starts with a dot',
		);
		assert.match(mail.raw, /^From: sync@school\.example\r\n/);
		assert.match(
			mail.raw,
			/\r\n\.a line that starts with a dot$/,
			'dot-stuffing is removed from the raw data',
		);
	});

	it('refuses commands out of order, RSET forgets the transaction, AUTH PLAIN and LOGIN are accepted', async () => {
		const client = await openConversation(server.port);
		try {
			await client.send('HELO tester');
			assert.match(await client.send('RCPT TO:<admin@school.example>'), /^503 /);
			assert.match(await client.send('AUTH PLAIN AHVzZXIAcGFzcw=='), /^235 /);
			assert.match(await client.send('AUTH LOGIN'), /^334 /);
			assert.match(await client.send('dXNlcg=='), /^334 /);
			assert.match(await client.send('cGFzcw=='), /^235 /);
			await client.send('MAIL FROM:<sync@school.example>');
			await client.send('RCPT TO:<admin@school.example>');
			assert.match(await client.send('RSET'), /^250 /);
			assert.match(await client.send('DATA'), /^503 /, 'RSET dropped the recipient');
			assert.match(await client.send('STARTTLS'), /^502 /);
		} finally {
			client.close();
		}
		assert.equal(server.mails.length, 0);
	});

	it('receives a mail from nodemailer (secure: false) and decodes its subject and text', async () => {
		const transport = nodemailer.createTransport({
			host: server.host,
			port: server.port,
			secure: false,
		});
		const text = 'Det gick fel i natt: “0 created, 80 failed”.\nÅtgärd: öppna körningen.';
		try {
			const info = await transport.sendMail({
				from: 'Sync <sync@school.example>',
				to: 'admin@school.example',
				subject: 'Sync failed: Nightly Admentum staff → GoPublic phonebook',
				text,
			});
			assert.deepEqual(info.accepted, ['admin@school.example']);
		} finally {
			transport.close();
		}
		const [mail] = await server.waitForMails(1, 5_000);
		assert.deepEqual(mail.envelope, { from: 'sync@school.example', to: ['admin@school.example'] });
		assert.equal(mail.subject, 'Sync failed: Nightly Admentum staff → GoPublic phonebook');
		assert.equal(mail.text, text);
		assert.match(mail.headers['content-transfer-encoding'], /quoted-printable|base64/);
	});

	it('waitForMails says how many mails came when too few do', async () => {
		await assert.rejects(server.waitForMails(1, 200), /0 of 1 mail\(s\) arrived within 200 ms/);
	});
});

describe('parseMessage', () => {
	it('decodes a base64 body in its charset and a B-encoded subject', () => {
		const message = [
			`Subject: =?ISO-8859-1?B?${Buffer.from('Körning misslyckades', 'latin1').toString('base64')}?=`,
			'Content-Type: text/plain; charset=ISO-8859-1',
			'Content-Transfer-Encoding: base64',
			'',
			Buffer.from('Skövde: 0 created, 80 failed', 'latin1').toString('base64'),
		].join('\r\n');
		assert.deepEqual(
			{ subject: parseMessage(message).subject, text: parseMessage(message).text },
			{ subject: 'Körning misslyckades', text: 'Skövde: 0 created, 80 failed' },
		);
	});

	it('takes the text/plain part of a multipart message', () => {
		const message = [
			'Subject: plain',
			'Content-Type: multipart/alternative; boundary="--_b1"',
			'',
			'----_b1',
			'Content-Type: text/plain; charset=utf-8',
			'Content-Transfer-Encoding: quoted-printable',
			'',
			'Hej =C3=A5tta',
			'----_b1',
			'Content-Type: text/html; charset=utf-8',
			'',
			'<p>Hej åtta</p>',
			'----_b1--',
			'',
		].join('\r\n');
		assert.equal(parseMessage(message).text, 'Hej åtta');
	});
});
