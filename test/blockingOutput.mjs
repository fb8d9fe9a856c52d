// Loaded into every test file's process (runTests.mjs passes it with --import). With
// --test-force-exit a file's process exits as soon as its last test ends, and output still queued
// on a pipe is dropped: the runner then reports fewer tests than ran, and still exits 0 (seen in
// CI: a file's last 6 tests missing; nodejs/node#64833). Blocking writes leave nothing queued.
for (const stream of [process.stdout, process.stderr]) stream._handle?.setBlocking?.(true);
