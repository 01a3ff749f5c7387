import { Entity, Relationship } from '@jupiterone/integration-sdk-core';
import pLimit from 'p-limit';

import { IterationSummary, SentinelOneClient } from '../../client';
import { StepContext } from './context';
import { PageWriter, slices } from './pageWriter';
import { reportStep } from './report';
import { RecordTally } from './tally';
import { OptionalSource, unlessRefused } from './warnings';

/** The graph objects of the slice being converted; `toGraph` adds to them. */
export interface PageGraph {
  entities: Entity[];
  relationships: Relationship[];
}

export interface CollectPagesOptions<R> {
  context: StepContext;
  /** Whose request counters the summary reports. */
  client: Pick<SentinelOneClient, 'stats' | 'runStats'>;
  /** The records listed, as the summary and warnings name them: `agent`. */
  recordType: string;
  /** The `_type` of the graph object that one record becomes. */
  writtenType: string;
  /**
   * Lists the records, handing each page to `onPage` (from any number of
   * iterations, side by side or not), and resolves with their summaries.
   */
  iterate: (
    onPage: (records: R[]) => Promise<void>,
  ) => Promise<IterationSummary | IterationSummary[]>;
  /**
   * Adds one record's graph objects to `graph`; throws MalformedRecordError
   * for a record that cannot become one (skipped, counted and reported).
   */
  toGraph: (record: R, graph: PageGraph) => void | Promise<void>;
  /** For a source the API may refuse: a refusal warns instead of failing. */
  optional?: OptionalSource;
}

/**
 * The shape of every list step: list pages, convert each record, write the
 * graph objects, end with a summary (and the warnings the customer needs).
 *
 * Records are converted and written CONVERT_SLICE at a time, each slice
 * written while the next is converted (see PageWriter). Pages are handled
 * one at a time even when several iterations run side by side, so that the
 * writer sees one stream and `toGraph` may keep state between records.
 *
 * @returns whether every listing ran to its end (false after a refusal)
 */
export async function collectPages<R>(
  options: CollectPagesOptions<R>,
): Promise<boolean> {
  const { context, toGraph } = options;
  const startedAt = Date.now();
  const tally = new RecordTally(options.recordType);
  const writer = new PageWriter(context.jobState);
  const iterations: IterationSummary[] = [];
  const oneAtATime = pLimit(1);

  const convertAndWrite = async (records: R[]): Promise<void> => {
    for (const slice of slices(records)) {
      const graph: PageGraph = { entities: [], relationships: [] };
      for (const record of slice) {
        const { length: entities } = graph.entities;
        const { length: relationships } = graph.relationships;
        try {
          const converting = toGraph(record, graph);
          // Most conversions are synchronous: await only a promise.
          if (converting) await converting;
        } catch (err) {
          tally.skip(err);
          // Nothing of a skipped record is written.
          graph.entities.length = entities;
          graph.relationships.length = relationships;
        }
      }
      await writer.write(graph.entities, graph.relationships);
    }
  };

  const list = async (): Promise<void> => {
    try {
      iterations.push(
        ...[
          await options.iterate((records) =>
            oneAtATime(() => convertAndWrite(records)),
          ),
        ].flat(),
      );
    } finally {
      // Whatever ends the listing, the write in flight ends first.
      await writer.flush();
    }
  };

  let complete = true;
  if (options.optional) {
    complete = await unlessRefused(context.logger, options.optional, list);
  } else {
    await list();
  }
  reportStep(context.logger, {
    recordType: options.recordType,
    writtenType: options.writtenType,
    startedAt,
    iterations,
    tally,
    writer,
    client: options.client,
  });
  return complete;
}
