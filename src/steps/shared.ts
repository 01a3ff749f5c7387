import {
  createDirectRelationship,
  Entity,
  IntegrationLogger,
  IntegrationProviderAPIError,
  IntegrationProviderAuthorizationError,
  IntegrationStepExecutionContext,
  IntegrationWarnEventName,
  JobState,
  PublishEventLevel,
  Relationship,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';

import { IterationSummary, runClient, SentinelOneClient } from '../client';
import { IntegrationConfig, validateConfig, ValidatedConfig } from '../config';
import { RunScope, runScope } from '../scope';
import { agentKey } from './agents/converter';
import { MalformedRecordError, relationshipKey } from './util';

export type StepContext = IntegrationStepExecutionContext<IntegrationConfig>;

/**
 * What one step hands to the next through the job state: small id sets, so
 * that relationships are built from keys in memory instead of a graph lookup
 * per record.
 */
export const DataKeys = {
  SITE_IDS: 'sentinelone:siteIds',
  GROUP_IDS: 'sentinelone:groupIds',
  /** Site id → agents its groups report: how to split agents into streams. */
  SITE_AGENT_COUNTS: 'sentinelone:siteAgentCounts',
} as const;

export async function getData<T>(
  jobState: JobState,
  key: string,
  fallback: T,
): Promise<T> {
  return (await jobState.getData<T>(key)) ?? fallback;
}

export interface StepClient {
  config: ValidatedConfig;
  /** What the run may read: every list request takes its filter from it. */
  scope: RunScope;
  client: SentinelOneClient;
}

/** A client for this step over the run's transport, and the run's scope. */
export async function getStepClient(context: StepContext): Promise<StepClient> {
  return {
    config: validateConfig(context.instance.config),
    scope: await runScope(context),
    client: runClient(context),
  };
}

/**
 * Converts records one by one, skipping (and counting) those the API sent
 * malformed, so that one bad record never costs the rest of the collection.
 */
export class RecordTally {
  converted = 0;
  private skipped = 0;
  private firstProblem?: string;

  constructor(readonly recordType: string) {}

  convert<R, O>(record: R, convert: (record: R) => O): O | undefined {
    try {
      const output = convert(record);
      this.converted++;
      return output;
    } catch (err) {
      if (!(err instanceof MalformedRecordError)) throw err;
      this.skipped++;
      this.firstProblem ??= err.message;
      return undefined;
    }
  }

  /** Tells the customer, once per step, what was skipped and why. */
  report(logger: IntegrationLogger): void {
    if (!this.skipped) return;
    logger.publishEvent({
      name: 'warn_malformed_records',
      level: PublishEventLevel.Warn,
      description: `Skipped ${this.skipped} malformed ${this.recordType} record(s) sent by the SentinelOne API (first: ${this.firstProblem}); all other ${this.recordType} records were collected.`,
    });
  }
}

/**
 * Ends a step: the customer's warning about skipped records, if any, and one
 * summary line that operators can compare between runs.
 */
export function endStep(
  context: StepContext,
  client: SentinelOneClient,
  startedAt: number,
  iterations: IterationSummary[],
  tally: RecordTally,
  writer?: PageWriter,
): void {
  tally.report(context.logger);
  context.logger.info(
    {
      recordType: tally.recordType,
      records: tally.converted,
      pages: iterations.reduce((sum, i) => sum + i.pages, 0),
      duplicatesDropped:
        iterations.reduce((sum, i) => sum + i.duplicates, 0) +
        (writer?.duplicates ?? 0),
      requests: client.stats.requests,
      retries: client.stats.retries,
      seconds: Math.round((Date.now() - startedAt) / 100) / 10,
    },
    `Collected ${tally.converted} ${tally.recordType} record(s)`,
  );
}

/**
 * Runs a collection that needs an optional SentinelOne licence (application
 * management). A tenant without it answers 403 or 404: the step then ends
 * with a warning the customer sees, instead of failing the run.
 */
export async function unlessUnlicensed(
  context: StepContext,
  feature: string,
  collect: () => Promise<void>,
): Promise<void> {
  try {
    await collect();
  } catch (err) {
    const refused =
      err instanceof IntegrationProviderAuthorizationError ||
      (err instanceof IntegrationProviderAPIError && err.status === 404);
    if (!refused) throw err;
    context.logger.publishWarnEvent({
      name: IntegrationWarnEventName.MissingPermission,
      description: `${feature} were not collected: the SentinelOne API refused ${
        (err as IntegrationProviderAPIError).endpoint
      } (${
        (err as IntegrationProviderAPIError).status
      }). The tenant may lack the Application Management (Singularity Vulnerability Management) licence, or the API token's role may not view applications.`,
    });
  }
}

/**
 * A direct relationship of the given metadata between two keys: built from
 * ids held in memory, so no entity is looked up to relate it.
 *
 * The `_type` is the metadata's own string and the `_key` a flat one: the
 * SDK keeps both for the whole run, and those it generates are a new string
 * per relationship and a rope (see `relationshipKey`).
 */
export function relateKeys(
  metadata: StepRelationshipMetadata,
  fromKey: string,
  toKey: string,
): Relationship {
  return createDirectRelationship({
    _class: metadata._class,
    fromKey,
    fromType: metadata.sourceType,
    toKey,
    toType: metadata.targetType,
    properties: {
      _type: metadata._type,
      _key: relationshipKey(fromKey, metadata._class, toKey),
    },
  });
}

/**
 * A relationship of `metadata` from the agent with this id to `toKey`, when
 * fetch-agents collected that agent; none otherwise (no dangling edge).
 */
export async function relateFromCollectedAgent(
  jobState: JobState,
  metadata: StepRelationshipMetadata,
  agentId: string | null | undefined,
  toKey: string,
): Promise<Relationship[]> {
  const agent = await collectedAgentKey(jobState, agentId);
  return agent ? [relateKeys(metadata, agent, toKey)] : [];
}

/**
 * The key of the agent with this id if fetch-agents collected it, else
 * undefined. The SDK already tracks every key written in the run: a set of
 * agent ids beside it would hold 100,000 more strings for the whole run.
 */
export async function collectedAgentKey(
  jobState: JobState,
  agentId: string | null | undefined,
): Promise<string | undefined> {
  if (!agentId) return undefined;
  const key = agentKey(agentId);
  return (await jobState.hasKey(key)) ? key : undefined;
}

/**
 * How many records are converted and then written at a time: the SDK's own
 * write buffer holds 500 entities. A page of 1,000 agents converted whole
 * before its write lives through two or three young-generation collections,
 * and V8 moves what survives two into the old generation, whose growth sets
 * the peak RSS: at 100,000 agents 850 MB were promoted. By slices of 500 it
 * was 500 MB (250: 470 MB, but more, smaller writes), and peak RSS fell by
 * about 80 MB.
 */
export const CONVERT_SLICE = 500;

/** `records` in consecutive slices of `size`. */
export function slices<T>(records: T[], size = CONVERT_SLICE): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < records.length; start += size) {
    result.push(records.slice(start, start + size));
  }
  return result;
}

/**
 * Writes each page's graph objects while the next page is being converted:
 * the SDK's writes wait on disk, and that wait is time to convert in. One
 * write is in flight at a time, so memory holds at most one page more than
 * a write-then-convert loop would; a failed write surfaces at the next
 * `write` or at `flush`.
 *
 * It also drops what the job already holds. A record can come twice however
 * far apart (an agent moved to a site another stream walks, a threat
 * resolved between the two threat queries), and the SDK fails a step on a
 * duplicate key. Since writes run one at a time, every earlier page is in
 * the job state when a page is written, and the SDK's own key tracker
 * answers at no memory cost: no set of every id seen is kept beside it.
 */
export class PageWriter {
  private inFlight: Promise<void> = Promise.resolve();
  /** Entities dropped because the job already held their key. */
  duplicates = 0;

  constructor(private readonly jobState: JobState) {}

  async write(
    entities: Entity[],
    relationships: Relationship[],
  ): Promise<void> {
    await this.inFlight;
    const writing = this.writeNow(entities, relationships);
    // Handled here so that a failure waits for the next call instead of
    // crashing the process as an unhandled rejection.
    writing.catch(() => undefined);
    this.inFlight = writing;
  }

  flush(): Promise<void> {
    return this.inFlight;
  }

  private async writeNow(
    entities: Entity[],
    relationships: Relationship[],
  ): Promise<void> {
    const freshEntities = await this.unwritten(entities);
    this.duplicates += entities.length - freshEntities.length;
    await this.jobState.addEntities(freshEntities);
    await this.jobState.addRelationships(await this.unwritten(relationships));
  }

  private async unwritten<T extends { _key: string }>(
    objects: T[],
  ): Promise<T[]> {
    const keys = new Set<string>();
    const fresh: T[] = [];
    for (const object of objects) {
      if (keys.has(object._key)) continue;
      keys.add(object._key);
      const held = this.jobState.hasKey(object._key);
      // Most runtimes answer synchronously: await only a promise.
      if (held === true || (held !== false && (await held))) continue;
      fresh.push(object);
    }
    return fresh;
  }
}
