// Prints the closing line "N passed, N failed" from the vitest and Playwright JSON
// reports plus the non-test steps (typecheck, lint, build) given as name:pass|fail.
// Exits 1 when anything failed or when no test ran at all.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);

const unit = read('reports/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  // A file that fails to load counts as a failure even though it ran no test.
  failed += (unit.testResults ?? []).filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
}
const e2e = read('reports/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
}
const testsRan = passed + failed;
for (const arg of process.argv.slice(2)) {
  const [name, result] = arg.split(':');
  if (name === 'unit' || name === 'e2e') {
    // Their tests are counted above; count the step itself only if it failed without a report.
    if (result === 'fail' && !(name === 'unit' ? unit : e2e)) failed += 1;
    continue;
  }
  if (result === 'pass') passed += 1;
  else failed += 1;
}
console.log(`steps: ${process.argv.slice(2).join(' ')}`);
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 || testsRan === 0 ? 1 : 0);
