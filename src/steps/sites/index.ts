import { IntegrationStep } from '@jupiterone/integration-sdk-core';

import { S1Site } from '../../client';
import { IntegrationConfig } from '../../config';
import { Entities, Relationships, Steps } from '../constants';
import {
  collectPages,
  CollectedSite,
  getStepClient,
  StepContext,
  writeJobData,
} from '../framework';
import { accountKey } from '../keys';
import { relateKeys } from '../relationships';
import { createSiteEntity } from './converter';

/** Every site in scope, which the account HAS. */
export async function fetchSites(context: StepContext): Promise<void> {
  const { config, client, scope } = await getStepClient(context);
  const account = accountKey(context.instance.id);
  const sites = new Map<string, CollectedSite>();

  await collectPages<S1Site>({
    context,
    client,
    recordType: 'site',
    writtenType: Entities.SITE._type,
    // The scope listed the sites once for the run: no second request.
    iterate: async (onPage) => {
      await onPage(scope.run.sites);
      return [];
    },
    toGraph: (site, graph) => {
      const entity = createSiteEntity(site, config.serverUrl);
      sites.set(site.id, {
        name: entity.name as string,
        accountId: site.accountId ?? undefined,
      });
      graph.entities.push(entity);
      graph.relationships.push(
        relateKeys(Relationships.ACCOUNT_HAS_SITE, account, entity._key),
      );
    },
  });

  await writeJobData(context.jobState, 'sites', sites);
}

export const siteSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.SITES,
    name: 'Fetch Sites',
    entities: [Entities.SITE],
    relationships: [Relationships.ACCOUNT_HAS_SITE],
    dependsOn: [Steps.ACCOUNT],
    executionHandler: fetchSites,
  },
];
