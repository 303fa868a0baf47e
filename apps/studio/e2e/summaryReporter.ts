/**
 * Prints the end-to-end suite's closing line, `N passed, N failed`, after Vitest's own report.
 */
import type { Reporter, TestModule } from 'vitest/node';

/** A reporter that counts test results across every spec. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
      }
      // A spec that fails to load has no tests; it still counts as a failure.
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) failed++;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }
}
