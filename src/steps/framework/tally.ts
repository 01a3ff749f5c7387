import { IntegrationLogger } from '@jupiterone/integration-sdk-core';

import { MalformedRecordError } from '../util';
import { warnCustomer } from './warnings';

/**
 * Counts the records the API sent malformed, which a step skips so that one
 * bad record never costs the rest of the collection.
 */
export class RecordTally {
  private skipped = 0;
  private firstProblem?: string;

  constructor(readonly recordType: string) {}

  /** Counts a malformed record's error; rethrows any other error. */
  skip(err: unknown): void {
    if (!(err instanceof MalformedRecordError)) throw err;
    this.skipped++;
    this.firstProblem ??= err.message;
  }

  /** Tells the customer, once per step, what was skipped and why. */
  report(logger: IntegrationLogger): void {
    if (!this.skipped) return;
    warnCustomer(
      logger,
      'warn_malformed_records',
      `Skipped ${this.skipped} malformed ${this.recordType} record(s) sent by the SentinelOne API (first: ${this.firstProblem}); all other ${this.recordType} records were collected.`,
    );
  }
}
