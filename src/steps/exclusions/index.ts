import {
  IntegrationStep,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';

import { S1Exclusion } from '../../client';
import { IntegrationConfig } from '../../config';
import { Entities, IngestionSources, Relationships, Steps } from '../constants';
import {
  collectPages,
  exclusionFilters,
  getStepClient,
  StepContext,
  StepScope,
} from '../framework';
import { accountKey, groupKey, siteKey } from '../keys';
import { OptionalSources } from '../permissions';
import { relateKeys } from '../relationships';
import { createExclusionEntity, exclusionScopeLevel } from './converter';

/**
 * Every exclusion in scope, which the account (tenant and account
 * exclusions), or each collected site or group it applies to, HAS.
 */
export async function fetchExclusions(context: StepContext): Promise<void> {
  const { client, scope } = await getStepClient(context);
  const account = accountKey(context.instance.id);

  await collectPages<S1Exclusion>({
    context,
    client,
    recordType: 'exclusion',
    writtenType: Entities.EXCLUSION._type,
    optional: OptionalSources.exclusions,
    iterate: async (onPage) => {
      const iterations = [];
      for (const filter of exclusionFilters(scope)) {
        iterations.push(await client.iterateExclusions(filter, onPage));
      }
      return iterations;
    },
    toGraph: (exclusion, graph) => {
      const entity = createExclusionEntity(exclusion);
      graph.entities.push(entity);
      graph.relationships.push(
        ...ownersOf(exclusion, account, scope).map(([metadata, owner]) =>
          relateKeys(metadata, owner, entity._key),
        ),
      );
    },
  });
}

/**
 * What HAS the exclusion: the account for tenant and account exclusions
 * (the account entity is the console), else each collected site or group
 * of its scope.
 */
function ownersOf(
  exclusion: S1Exclusion,
  account: string,
  scope: StepScope,
): [StepRelationshipMetadata, string][] {
  switch (exclusionScopeLevel(exclusion)) {
    case 'tenant':
    case 'account':
      return [[Relationships.ACCOUNT_HAS_EXCLUSION, account]];
    case 'site':
      return (exclusion.scope?.siteIds ?? [])
        .filter((id) => scope.sites.has(id))
        .map((id) => [Relationships.SITE_HAS_EXCLUSION, siteKey(id)]);
    case 'group':
      return (exclusion.scope?.groupIds ?? [])
        .filter((id) => scope.groups.has(id))
        .map((id) => [Relationships.GROUP_HAS_EXCLUSION, groupKey(id)]);
    default:
      return [];
  }
}

export const exclusionSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.EXCLUSIONS,
    name: 'Fetch Exclusions',
    entities: [Entities.EXCLUSION],
    relationships: [
      Relationships.ACCOUNT_HAS_EXCLUSION,
      Relationships.SITE_HAS_EXCLUSION,
      Relationships.GROUP_HAS_EXCLUSION,
    ],
    dependsOn: [Steps.ACCOUNT, Steps.SITES, Steps.GROUPS],
    ingestionSourceId: IngestionSources.EXCLUSIONS,
    executionHandler: fetchExclusions,
  },
];
