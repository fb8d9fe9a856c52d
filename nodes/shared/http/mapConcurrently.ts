/**
 * Runs `worker` over `items` with at most `concurrency` in flight and returns the results in input
 * order, whatever order they finish in.
 */
export async function mapConcurrently<T, R>(
	items: readonly T[],
	concurrency: number,
	worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const lane = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await worker(items[index], index);
		}
	};
	const lanes = Math.max(1, Math.min(Math.floor(concurrency) || 1, items.length));
	await Promise.all(Array.from({ length: lanes }, lane));
	return results;
}
