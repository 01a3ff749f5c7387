import { Entity, IntegrationStep } from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config';
import { Entities, Relationships, Steps } from '../constants';
import { accountKey } from '../account/converter';
import {
  DataKeys,
  endStep,
  getStepClient,
  PageWriter,
  RecordTally,
  relateKeys,
  StepContext,
} from '../shared';
import { createSiteEntity } from './converter';

export async function fetchSites(context: StepContext): Promise<void> {
  const startedAt = Date.now();
  const { jobState, instance } = context;
  const { config, client, scope } = await getStepClient(context);
  const fromKey = accountKey(instance.id);
  const siteIds = new Set<string>();
  const tally = new RecordTally('site');
  const writer = new PageWriter(jobState);

  // The scope listed the sites in scope once for the run: written from there.
  const sites = scope.sites;
  {
    const entities: Entity[] = [];
    for (const site of sites) {
      const entity = tally.convert(site, (s) =>
        createSiteEntity(s, config.serverUrl),
      );
      if (!entity) continue;
      siteIds.add(site.id);
      entities.push(entity);
    }
    await writer.write(
      entities,
      entities.map((site) =>
        relateKeys(Relationships.ACCOUNT_HAS_SITE, fromKey, site._key),
      ),
    );
  }

  await writer.flush();
  await jobState.setData(DataKeys.SITE_IDS, siteIds);
  endStep(context, client, startedAt, [], tally, writer);
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
