/**
 * A local SMTP server for tests: plain SMTP on 127.0.0.1 (EHLO/HELO, MAIL FROM, RCPT TO, DATA,
 * RSET, NOOP, QUIT; AUTH PLAIN and LOGIN accept anyone), no STARTTLS offered, so a client with
 * `secure: false` talks to it in the clear. Every message it accepts is kept with its envelope,
 * its raw data and its decoded subject and text, for a test to read.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

import { parseMessage } from './parseMessage';

export interface ReceivedMail {
	envelope: { from: string; to: string[] };
	/** The message as sent after DATA, dot-stuffing removed. */
	raw: string;
	subject: string;
	/** The decoded plain-text body, \n line ends. */
	text: string;
	/** Lower-case header name → decoded value. */
	headers: Record<string, string>;
}

export interface SmtpTestServer {
	host: string;
	port: number;
	mails: ReceivedMail[];
	/** Resolves with the mails once at least `count` have arrived; rejects after `timeoutMs`. */
	waitForMails(count: number, timeoutMs: number): Promise<ReceivedMail[]>;
	clear(): void;
	close(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startSmtpServer(options: { port?: number } = {}): Promise<SmtpTestServer> {
	const mails: ReceivedMail[] = [];
	const sockets = new Set<Socket>();
	const server = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => socket.destroy());
		converse(socket, (mail) => mails.push(mail));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, HOST, resolve);
	});
	const { port } = server.address() as AddressInfo;
	return {
		host: HOST,
		port,
		mails,
		async waitForMails(count, timeoutMs) {
			const deadline = Date.now() + timeoutMs;
			while (mails.length < count) {
				if (Date.now() > deadline)
					throw new Error(`${mails.length} of ${count} mail(s) arrived within ${timeoutMs} ms`);
				await new Promise((done) => setTimeout(done, 100));
			}
			return [...mails];
		},
		clear: () => void mails.splice(0),
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

/** One client connection: reads CRLF lines and answers each command in turn. */
function converse(socket: Socket, deliver: (mail: ReceivedMail) => void): void {
	let from: string | undefined;
	let to: string[] = [];
	let data: string[] | undefined;
	let authStepsLeft = 0;
	let pending = '';
	const reply = (line: string) => socket.write(`${line}\r\n`);
	const resetTransaction = () => {
		from = undefined;
		to = [];
	};

	const handle = (line: string) => {
		if (data) {
			if (line !== '.') return void data.push(line.startsWith('.') ? line.slice(1) : line);
			const raw = data.join('\r\n');
			const { subject, text, headers } = parseMessage(raw);
			deliver({ envelope: { from: from ?? '', to }, raw, subject, text, headers });
			data = undefined;
			resetTransaction();
			return reply('250 2.0.0 OK: message accepted');
		}
		if (authStepsLeft > 0) {
			// A credential line of AUTH PLAIN / LOGIN: accepted, never kept.
			authStepsLeft--;
			return reply(authStepsLeft > 0 ? '334 UGFzc3dvcmQ6' : '235 2.7.0 Authentication successful');
		}
		const [verb, ...rest] = line.split(' ');
		const argument = rest.join(' ');
		switch (verb.toUpperCase()) {
			case 'EHLO':
				return reply(`250-${HOST} greets ${argument}\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 10485760`);
			case 'HELO':
				return reply(`250 ${HOST}`);
			case 'AUTH':
				return startAuth(argument);
			case 'MAIL':
				resetTransaction();
				from = addressIn(argument);
				return reply('250 2.1.0 OK');
			case 'RCPT':
				if (from === undefined) return reply('503 5.5.1 MAIL FROM first');
				to.push(addressIn(argument));
				return reply('250 2.1.5 OK');
			case 'DATA':
				if (to.length === 0) return reply('503 5.5.1 RCPT TO first');
				data = [];
				return reply('354 End data with <CR><LF>.<CR><LF>');
			case 'RSET':
				resetTransaction();
				return reply('250 2.0.0 OK');
			case 'NOOP':
				return reply('250 2.0.0 OK');
			case 'QUIT':
				reply('221 2.0.0 Bye');
				return void socket.end();
			default:
				return reply(`502 5.5.2 ${verb} is not supported`);
		}
	};

	const startAuth = (argument: string) => {
		const [mechanism, initial] = argument.split(' ');
		if (/^PLAIN$/i.test(mechanism)) {
			if (initial) return reply('235 2.7.0 Authentication successful');
			authStepsLeft = 1;
			return reply('334 ');
		}
		if (/^LOGIN$/i.test(mechanism)) {
			authStepsLeft = initial ? 1 : 2;
			return reply(initial ? '334 UGFzc3dvcmQ6' : '334 VXNlcm5hbWU6');
		}
		return reply('504 5.5.4 Only PLAIN and LOGIN');
	};

	socket.setEncoding('utf8');
	socket.on('data', (chunk: string) => {
		pending += chunk;
		let end: number;
		while ((end = pending.indexOf('\r\n')) !== -1) {
			const line = pending.slice(0, end);
			pending = pending.slice(end + 2);
			handle(line);
		}
	});
	reply(`220 ${HOST} ESMTP test server`);
}

/** 'FROM:<a@b.c> SIZE=123' → 'a@b.c'. */
function addressIn(argument: string): string {
	return /<([^>]*)>/.exec(argument)?.[1] ?? argument.replace(/^(FROM|TO):/i, '').trim();
}
