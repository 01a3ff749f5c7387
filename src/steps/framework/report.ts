import { IntegrationLogger } from '@jupiterone/integration-sdk-core';

import { IterationSummary, SentinelOneClient } from '../../client';
import { PageWriter } from './pageWriter';
import { RecordTally } from './tally';

export interface StepReport {
  /** The records the step lists, as the summary names them, e.g. `agent`. */
  recordType: string;
  /** The `_type` of the graph object one record becomes. */
  writtenType: string;
  startedAt: number;
  iterations: IterationSummary[];
  tally: RecordTally;
  writer: PageWriter;
  client: Pick<SentinelOneClient, 'stats' | 'runStats'>;
}

/**
 * Ends a collection: the customer's warning about skipped records, if any,
 * and one summary line that operators can compare between runs. It counts
 * what was written, and apart from it the duplicates dropped on the way
 * (repeated at a page boundary, or already in the job).
 */
export function reportStep(
  logger: IntegrationLogger,
  report: StepReport,
): void {
  const { recordType, writer, iterations, client } = report;
  report.tally.report(logger);
  const { written, duplicates } = writer.countOf(report.writtenType);
  const duplicatesDropped =
    duplicates + iterations.reduce((sum, i) => sum + i.duplicates, 0);
  logger.info(
    {
      recordType,
      records: written,
      duplicatesDropped,
      graphObjects: Object.fromEntries(writer.counts),
      pages: iterations.reduce((sum, i) => sum + i.pages, 0),
      requests: client.stats.requests,
      retries: client.stats.retries,
      // Every step shares the run's transport: the last step's line has
      // the whole run's.
      runRequests: client.runStats.requests,
      runRetries: client.runStats.retries,
      seconds: Math.round((Date.now() - report.startedAt) / 100) / 10,
    },
    `Collected ${written} ${recordType} record(s)${
      duplicatesDropped ? `; ${duplicatesDropped} duplicate(s) dropped` : ''
    }`,
  );
}
