const Sequencer = require('@jest/test-sequencer').default;

/**
 * Whole-run tests (`test/*.test.ts`) start first. They are the longest files
 * and spend much of their time waiting (rate-limit windows, backoff), yet on
 * a fresh clone, with no timings cached, jest orders files by size and they
 * would start last and run on alone while the other worker sits idle.
 */
class WholeRunTestsFirst extends Sequencer {
  sort(tests) {
    const rank = (test) =>
      /[\\/]test[\\/][^\\/]+\.test\.ts$/.test(test.path) ? 0 : 1;
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = WholeRunTestsFirst;
