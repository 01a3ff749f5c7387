/**
 * The fault matrix, recoverable faults: a 5,000-agent estate behind a
 * misbehaving API must still be collected exactly.
 */
import { SHORT_TIMEOUT_ENV } from './collect';
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

  test('6. a connection reset mid-body', async () => {
    expectCompleteCoreEstate(
      await runWith(
        { resetsMidBody: 1, faultPaths: ['/agents'] },
        SHORT_TIMEOUT_ENV,
      ),
    );
  });

  test("7. 20% of pages repeating the previous page's last record", async () => {
    expectCompleteCoreEstate(await runWith({ repeatRecordRate: 0.2 }));
  });

  test('8. 30% of optional fields null or missing', async () => {
    expectCompleteCoreEstate(await runWith({ nullFieldRate: 0.3 }));
  });

  test('9. records without an id or with an unparseable date: skipped and counted', async () => {
    const collection = await runWith({ malformedRecords: 4 });
    expectCompleteCoreEstate(collection);
    const warnings = collection.events
      .filter((e) => e.name === 'warn_malformed_records')
      .map((e) => e.description);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Skipped 4 malformed agent record\(s\)/),
        expect.stringMatching(/^Skipped 4 malformed group record\(s\)/),
      ]),
    );
  });
});
