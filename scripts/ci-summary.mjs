// Reads vitest's JSON report and prints the plain closing line CI's reader understands
// ("N passed, N failed"). Fails when the real-PostgreSQL, real-Redis or browser suites ran no test:
// green without them would hide that CI tested only the embedded defaults.
import { readFileSync, existsSync } from 'node:fs';

const reportPath = process.argv[2];
if (!reportPath || !existsSync(reportPath)) {
  console.log('0 passed, 1 failed');
  console.error(`no test report at ${reportPath}: the test command did not run to the end`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const results = report.testResults.flatMap((file) => file.assertionResults);
const passed = results.filter((r) => r.status === 'passed');
const failed = results.filter((r) => r.status === 'failed');
const skipped = results.length - passed.length - failed.length;

let missing = [];
for (const tag of ['[postgres]', '[redis]', '[browser]']) {
  const count = passed.filter((r) => r.fullName.includes(tag)).length;
  console.log(`${tag.padEnd(11)} suites: ${count} passed`);
  if (count === 0) missing.push(tag);
}
// Files that failed to load (syntax, import errors) count as failures even with no test results.
const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
const failedCount = failed.length + brokenFiles + missing.length;
if (missing.length > 0) console.error(`these suites did not run: ${missing.join(', ')}`);
console.log(`${passed.length} passed, ${failedCount} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failedCount > 0 ? 1 : 0);
