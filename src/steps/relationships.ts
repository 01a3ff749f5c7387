import {
  createDirectRelationship,
  JobState,
  Relationship,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';

import { agentKey } from './keys';
import { relationshipKey } from './util';

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
