/**
 * The fault matrix, faulty records: a 5,000-agent estate whose pages repeat,
 * blank or garble records must still be collected exactly.
 */
import { expectCompleteCoreEstate, useFaultMatrix } from './faults';

const { runWith } = useFaultMatrix();

describe('collects everything despite', () => {
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
