/**
 * FNV-1a, 32 bits: a short, stable fingerprint of a text (approval codes, memory buckets). Not
 * Node's crypto, because node code may not import it on n8n Cloud, and these need no secrecy.
 */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}
