/**
 * The fault matrix, transport faults: a 5,000-agent estate behind a
 * misbehaving API must still be collected exactly.
 */
import { SHORT_TIMEOUT_ENV, warnLogLines } from './collect';
import { expectCompleteCoreEstate, useFaultMatrix } from './faults';

const { simulator, runWith } = useFaultMatrix();

describe('collects everything despite', () => {
  test('1. 5% of requests answering 500/502/503 with JSON or HTML bodies', async () => {
    const collection = await runWith({ serverErrorRate: 0.05 });
    expectCompleteCoreEstate(collection);
    expect(simulator().requests.some((r) => r.status >= 500)).toBe(true);
  });

  test('2. 429 above 5 requests per second, with Retry-After', async () => {
    const collection = await runWith({
      rateLimitPerSecond: 5,
      retryAfterSeconds: 1,
    });
    expectCompleteCoreEstate(collection);
    expect(simulator().requests.some((r) => r.status === 429)).toBe(true);
  });

  test('3. 429 above 5 requests per second, without Retry-After', async () => {
    const collection = await runWith({
      rateLimitPerSecond: 5,
      retryAfterSeconds: null,
    });
    expectCompleteCoreEstate(collection);
    expect(simulator().requests.some((r) => r.status === 429)).toBe(true);
  });

  test('4. a page whose JSON is truncated mid-body', async () => {
    expectCompleteCoreEstate(
      await runWith({ truncatedPages: 1, faultPaths: ['/agents'] }),
    );
  });

  test('5. a request that never answers', async () => {
    expectCompleteCoreEstate(
      await runWith(
        { hangingRequests: 1, faultPaths: ['/agents'] },
        SHORT_TIMEOUT_ENV,
      ),
    );
  });

  test('6. a connection reset mid-body: retried at once, not after a timeout', async () => {
    const collection = await runWith({
      resetsMidBody: 1,
      faultPaths: ['/agents'],
    });
    expectCompleteCoreEstate(collection);
    const retries = warnLogLines(collection.output).filter((message) =>
      message.startsWith('Retrying SentinelOne request'),
    );
    expect(retries).toEqual([
      expect.stringMatching(
        /connection to .* failed \(ECONNRESET: .*the connection closed before the response body was complete\)/,
      ),
    ]);
  });
});
