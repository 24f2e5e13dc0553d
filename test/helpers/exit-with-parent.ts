// Preloaded (`--import`) into the worker processes the resilience tests spawn: the worker
// exits when the test process goes away (its end of our stdin pipe closes), so even a test
// run that is itself killed leaves no worker behind.
process.stdin.on("close", () => process.exit(2));
process.stdin.resume();

export {};
