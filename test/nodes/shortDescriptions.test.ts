/**
 * Every text the editor shows next to a parameter (notices, descriptions, hints) is at most two
 * short sentences: the admin reads it at a glance, and the detail lives in the README.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';

import { loadOurs } from '../engine/nodeTypes';

const MAX_SENTENCES = 2;
const MAX_CHARACTERS = 200;

type Described = Partial<INodeProperties & INodePropertyOptions & INodePropertyCollection>;

/** The text as the editor shows it: tags and entities out, spaces folded. */
const visibleText = (html: string) =>
	html
		.replace(/<[^>]+>/g, '')
		.replace(/&[a-z]+;/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

/** Sentence ends are . ! ? before a capital letter or the end; "e.g. email" does not end one. */
export const sentenceCount = (text: string) =>
	text.split(/(?<=[.!?])\s+(?=[A-Z"'(`])/).filter((part) => part.trim() !== '').length;

function* textsOf(where: string, properties: readonly Described[]): Generator<[string, string]> {
	for (const property of properties) {
		const label = property.type === 'notice' ? property.name : property.displayName;
		const name = `${where} › ${label ?? property.name}`;
		if (property.type === 'notice') yield [name, property.displayName ?? ''];
		if (typeof property.description === 'string') yield [name, property.description];
		if (typeof property.hint === 'string') yield [`${name} (hint)`, property.hint];
		for (const nested of [property.options, property.values]) {
			if (Array.isArray(nested)) yield* textsOf(name, nested as Described[]);
		}
	}
}

function allTexts(): Array<[string, string]> {
	const { nodes, credentials } = loadOurs();
	const texts: Array<[string, string]> = [];
	for (const node of nodes.values()) {
		const { description } = node as INodeType;
		texts.push([description.displayName, description.description]);
		texts.push(...textsOf(description.displayName, description.properties as Described[]));
	}
	for (const credential of credentials.values()) {
		texts.push(...textsOf(credential.displayName, credential.properties as Described[]));
	}
	return texts;
}

describe('Texts in the editor', () => {
	it('counts sentences the way a reader does', () => {
		assert.equal(sentenceCount('One. Two, e.g. email. Three?'), 3);
		assert.equal(sentenceCount('Set it (e.g. 101,102).'), 1);
	});

	it(`every notice, description and hint is at most ${MAX_SENTENCES} sentences and ${MAX_CHARACTERS} characters`, () => {
		const texts = allTexts();
		assert.ok(texts.length > 100, `only ${texts.length} texts found`);
		const tooLong = texts
			.map(([where, html]) => [where, visibleText(html)] as const)
			.filter(([, text]) => sentenceCount(text) > MAX_SENTENCES || text.length > MAX_CHARACTERS)
			.map(
				([where, text]) => `${where}: ${text.length} characters, ${sentenceCount(text)} sentences`,
			);
		assert.deepEqual(tooLong, []);
	});
});
