// Runs the whole vitest suite and ends with one plain summary line
// ("vitest: N passed, N failed, N skipped") that CI tooling can read.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const report = 'test-results/vitest.json';
rmSync(report, { force: true });
const run = spawnSync('vitest', ['run', ...process.argv.slice(2)], { stdio: 'inherit', shell: false });
if (run.error) {
  console.error(`could not start vitest: ${run.error.message}`);
  process.exit(1);
}
if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\nvitest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`);
}
process.exit(run.status ?? 1);
