/**
 * Progress lines for the long steps (installing n8n takes minutes): every line says which part
 * is talking and how long the current step has been running, so a person watching the demo or CI
 * sees that something is happening.
 */
export type Log = (line: string) => void;

export const printProgress: Log = (line) => process.stdout.write(`${line}\n`);

export function seconds(sinceMs: number): string {
	return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}

/** Prints `still <doing>… <elapsed>` every `everyMs` until stopped. */
export function startTicker(
	log: Log,
	doing: string,
	everyMs = 15_000,
	detail?: () => string,
): () => void {
	const started = Date.now();
	const timer = setInterval(() => {
		const extra = detail ? `, ${detail()}` : '';
		log(`  still ${doing}… ${Math.round((Date.now() - started) / 1000)} s${extra}`);
	}, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
