/**
 * Time limits per kind of test. Unit and emulator tests finish in seconds: two minutes is ample
 * even on a loaded machine. End-to-end, chaos and benchmark tests run the real CLI many times;
 * each CLI run has its own limit (PulumiProgram.run), so the test's limit is only the last
 * guard, sized for a machine whose two cores are busy with other work.
 */
const testPath = expect.getState().testPath ?? "";
const slow = /[/\\]test[/\\](e2e|chaos|bench)[/\\]/.test(testPath);
jest.setTimeout(slow ? 20 * 60_000 : 2 * 60_000);
