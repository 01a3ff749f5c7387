import {
  createDirectRelationship,
  Entity,
  IntegrationStep,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config';
import { Entities, Relationships, Steps } from '../constants';
import { accountKey } from '../account/converter';
import {
  DataKeys,
  getStepClient,
  endStep,
  RecordTally,
  StepContext,
} from '../shared';
import { createSiteEntity } from './converter';

export async function fetchSites(context: StepContext): Promise<void> {
  const startedAt = Date.now();
  const { jobState, instance } = context;
  const { config, client } = await getStepClient(context);
  const fromKey = accountKey(instance.id);
  const siteIds = new Set<string>();
  const tally = new RecordTally('site');

  const summary = await client.iterateSites(async (sites) => {
    const entities: Entity[] = [];
    for (const site of sites) {
      const entity = tally.convert(site, (s) =>
        createSiteEntity(s, config.serverUrl),
      );
      if (!entity) continue;
      siteIds.add(site.id);
      entities.push(entity);
    }
    await jobState.addEntities(entities);
    await jobState.addRelationships(
      entities.map((site) =>
        createDirectRelationship({
          _class: Relationships.ACCOUNT_HAS_SITE._class,
          fromKey,
          fromType: Entities.ACCOUNT._type,
          toKey: site._key,
          toType: Entities.SITE._type,
        }),
      ),
    );
  });

  await jobState.setData(DataKeys.SITE_IDS, siteIds);
  endStep(context, client, startedAt, [summary], tally);
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
