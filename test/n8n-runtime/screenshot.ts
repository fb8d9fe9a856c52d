/**
 * A picture of the n8n editor as an admin sees it: headless Debian Chromium (ensureChromium.ts)
 * logs in through the sign-in page, opens a workflow, or one of its executions (the canvas with each node's item
 * counts), and saves a PNG.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { chromium, type Page } from 'playwright-core';

import { CHROMIUM, ensureChromium } from './ensureChromium';
import type { OwnerLogin } from './n8nRest';

/** Without the networking flags Chromium keeps calling out, and this machine refuses every call. */
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface ScreenshotOptions {
	/** n8n's address, e.g. http://127.0.0.1:5678 */
	url: string;
	owner: Pick<OwnerLogin, 'email' | 'password'>;
	workflowId: string;
	/** Show this execution of the workflow instead of the editable workflow. */
	executionId?: string;
	outFile: string;
	/** Open this node (e.g. "Sync Summary") and show its output as JSON. */
	openNode?: string;
	width?: number;
	height?: number;
}

/** A headless Chromium page, signed in to n8n when `owner` is given; closed afterwards. */
async function withPage<T>(
	viewport: { width: number; height: number },
	work: (page: Page) => Promise<T>,
): Promise<T> {
	const browser = await ensureChromium();
	if (!browser.available) throw new Error(browser.reason);
	const profile = mkdtempSync(join(tmpdir(), 'dirsync-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport,
		deviceScaleFactor: 1,
		// n8n shows times in the browser's zone; the instance runs on Stockholm time.
		timezoneId: 'Europe/Stockholm',
		locale: 'en-GB',
	});
	try {
		return await work(context.pages()[0] ?? (await context.newPage()));
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
}

async function save(page: Page, outFile: string, fullPage = false): Promise<string> {
	mkdirSync(dirname(outFile), { recursive: true });
	await page.screenshot({ path: outFile, fullPage });
	return outFile;
}

export async function screenshotEditor(options: ScreenshotOptions): Promise<string> {
	const viewport = { width: options.width ?? 1600, height: options.height ?? 900 };
	return await withPage(viewport, async (page) => {
		await signIn(page, options);
		const path = options.executionId
			? `/workflow/${options.workflowId}/executions/${options.executionId}`
			: `/workflow/${options.workflowId}`;
		await page.goto(`${options.url}${path}`);
		await waitForCanvas(page);
		if (options.openNode) await openNodeOutput(page, options.openNode);
		return await save(page, options.outFile);
	});
}

/** n8n's page of one Data Table (Overview → Data tables → the table), as an admin sees it. */
export async function screenshotDataTable(options: {
	url: string;
	owner: Pick<OwnerLogin, 'email' | 'password'>;
	projectId: string;
	tableId: string;
	outFile: string;
	width?: number;
	height?: number;
}): Promise<string> {
	const viewport = { width: options.width ?? 1600, height: options.height ?? 700 };
	return await withPage(viewport, async (page) => {
		await signIn(page, options);
		await page.goto(`${options.url}/projects/${options.projectId}/datatables/${options.tableId}`);
		// The grid has no marker of its own to wait for: the page settles, then its rows are drawn.
		await page.waitForLoadState('networkidle', { timeout: 60_000 });
		await page.waitForTimeout(3000);
		return await save(page, options.outFile);
	});
}

/** An HTML document (e.g. a mail's HTML part) as a mail program would show it. */
export async function screenshotHtml(options: {
	html: string;
	outFile: string;
	width?: number;
}): Promise<string> {
	return await withPage({ width: options.width ?? 900, height: 600 }, async (page) => {
		await page.setContent(options.html, { waitUntil: 'load' });
		return await save(page, options.outFile, true);
	});
}

async function signIn(
	page: Page,
	options: { url: string; owner: Pick<OwnerLogin, 'email' | 'password'> },
): Promise<void> {
	await page.goto(`${options.url}/signin`);
	await page
		.locator('input[name="emailOrLdapLoginId"], input[type="email"]')
		.first()
		.fill(options.owner.email);
	await page
		.locator('input[name="password"], input[type="password"]')
		.first()
		.fill(options.owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((address) => !address.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/**
 * The canvas is drawn once its nodes are in the page (in 2.41 an execution's preview is drawn in
 * the page itself, not in an iframe). A short settle lets fit-to-view and the item counts finish.
 */
async function waitForCanvas(page: Page): Promise<void> {
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1500);
}

/** Opens a node's details by double-clicking it on the canvas, its output shown as JSON. */
async function openNodeOutput(page: Page, name: string): Promise<void> {
	await page.locator('[data-test-id="canvas-node"]').filter({ hasText: name }).first().dblclick();
	const output = page.locator('[data-test-id="output-panel"]');
	await output.waitFor({ timeout: 30_000 });
	// The display switch is a radio group; its JSON choice is the only one labelled so.
	await output
		.getByText('JSON', { exact: true })
		.first()
		.click({ timeout: 10_000 })
		.catch(() => {});
	await page.waitForTimeout(1000);
}
