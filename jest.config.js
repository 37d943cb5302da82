/** Jest: TypeScript through SWC (types are checked separately by `tsc -p tsconfig.test.json`). */
module.exports = {
    testEnvironment: "node",
    // The sources are roots too, so that coverage also lists the files no test loads.
    roots: ["<rootDir>/test", "<rootDir>/sdk", "<rootDir>/provider", "<rootDir>/emulator"],
    transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } } }] },
    moduleFileExtensions: ["ts", "js", "json"],
    // Time limits by kind of test: test/helpers/timeouts.ts.
    setupFilesAfterEnv: ["<rootDir>/test/helpers/timeouts.ts", "<rootDir>/test/helpers/isolation.ts"],
    // End-to-end suites run the real Pulumi CLI; two workers suit a 2-core machine.
    maxWorkers: 2,
    // With --coverage (npm run test:coverage): V8's own coverage, so nothing instruments the code,
    // over the three areas; scripts/test-unit.sh prints the json summary per area.
    coverageProvider: "v8",
    collectCoverageFrom: ["sdk/**/*.ts", "provider/**/*.ts", "emulator/**/*.ts"],
    coverageReporters: ["text-summary", "json-summary"],
    coverageDirectory: "<rootDir>/coverage",
};
