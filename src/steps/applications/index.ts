import {
  Entity,
  IntegrationStep,
  Relationship,
} from '@jupiterone/integration-sdk-core';
import pMap from 'p-map';

import {
  IterationSummary,
  ListFilter,
  oneAtATime,
  S1Application,
  S1ApplicationInstall,
} from '../../client';
import { IntegrationConfig } from '../../config';
import { singleIdFilters } from '../../scope';
import { Entities, IngestionSources, Relationships, Steps } from '../constants';
import {
  collectedAgentKey,
  endStep,
  getStepClient,
  PageWriter,
  RecordTally,
  StepContext,
  unlessUnlicensed,
} from '../shared';
import {
  applicationKey,
  createAgentInstalledApplicationRelationship,
  createApplicationEntity,
} from './converter';

interface ScopedApplication {
  /** The account or site whose inventory listed it. */
  filter: ListFilter;
  application: S1Application;
}

/**
 * The inventory lists applications by vendor + name, one account (or site)
 * at a time since the API reads a single id; each one's installs carry the
 * version, so an application entity is one vendor + name + version and is
 * written the first time an install of it is seen.
 */
export async function fetchApplications(context: StepContext): Promise<void> {
  const startedAt = Date.now();
  const { client, scope } = await getStepClient(context);
  const concurrency = client.maxConcurrentRequests;
  const tally = new RecordTally('application install');
  const writer = new PageWriter(context.jobState);
  const summaries: IterationSummary[] = [];
  const writtenApplications = new Set<string>();

  await unlessUnlicensed(context, 'Installed applications', async () => {
    const applications: ScopedApplication[] = [];
    summaries.push(
      ...(await pMap(
        singleIdFilters(scope),
        (filter) =>
          client.iterateApplications(filter, (page) => {
            for (const application of page) {
              if (application?.applicationName?.trim()) {
                applications.push({ filter, application });
              }
            }
          }),
        { concurrency },
      )),
    );

    const writeInstalls = oneAtATime<{
      application: S1Application;
      install: S1ApplicationInstall;
    }>(async (installs) => {
      const entities: Entity[] = [];
      const relationships: Relationship[] = [];
      for (const { application, install } of installs) {
        const name = application.applicationName!.trim();
        const vendor = application.applicationVendor?.trim() ?? '';
        const version = install?.version?.trim() || 'unknown';
        const key = applicationKey(vendor, name, version);
        const agent = await collectedAgentKey(
          context.jobState,
          install?.endpointId,
        );
        const relationship = tally.convert(install, (i) => {
          if (!writtenApplications.has(key)) {
            writtenApplications.add(key);
            entities.push(createApplicationEntity({ name, vendor, version }));
          }
          return agent
            ? createAgentInstalledApplicationRelationship(agent, key, i)
            : undefined;
        });
        // One agent can hold the same version twice (two paths): the
        // writer keeps the first edge.
        if (relationship) relationships.push(relationship);
      }
      await writer.write(entities, relationships);
    });

    summaries.push(
      ...(await pMap(
        applications,
        ({ filter, application }) =>
          client.iterateApplicationInstalls(
            filter,
            {
              applicationName: application.applicationName!,
              applicationVendor: application.applicationVendor ?? '',
            },
            (installs, info) =>
              writeInstalls(
                installs.map((install) => ({ application, install })),
                info,
              ),
          ),
        { concurrency },
      )),
    );
    await writer.flush();
  });

  endStep(context, client, startedAt, summaries, tally, writer);
}

export const applicationSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.APPLICATIONS,
    name: 'Fetch Installed Applications',
    entities: [Entities.APPLICATION],
    relationships: [Relationships.AGENT_INSTALLED_APPLICATION],
    dependsOn: [Steps.AGENTS],
    ingestionSourceId: IngestionSources.APPLICATIONS,
    executionHandler: fetchApplications,
  },
];
