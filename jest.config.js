/** Jest: TypeScript through SWC (types are checked separately by `tsc -p tsconfig.test.json`). */
module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/test"],
    transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } } }] },
    moduleFileExtensions: ["ts", "js", "json"],
    // Time limits by kind of test: test/helpers/timeouts.ts.
    setupFilesAfterEnv: ["<rootDir>/test/helpers/timeouts.ts"],
    // End-to-end suites run the real Pulumi CLI; two workers suit a 2-core machine.
    maxWorkers: 2,
};
