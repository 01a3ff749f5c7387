import {
  Entity,
  IntegrationStep,
  Relationship,
} from '@jupiterone/integration-sdk-core';
import pMap from 'p-map';

import { IterationSummary, S1Application } from '../../client';
import { IntegrationConfig } from '../../config';
import { Entities, IngestionSources, Relationships, Steps } from '../constants';
import {
  collectedAgentKey,
  endStep,
  getApplicationManagementClient,
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

/** Applications whose installs are listed at once; the client caps requests anyway. */
const APPLICATION_CONCURRENCY = 3;

/**
 * The inventory lists applications by vendor + name; each one's installs
 * carry the version, so an application entity is one vendor + name + version
 * and is written the first time an install of it is seen.
 */
export async function fetchApplications(context: StepContext): Promise<void> {
  const startedAt = Date.now();
  const { client } = await getApplicationManagementClient(context);
  const tally = new RecordTally('application install');
  const writer = new PageWriter(context.jobState);
  const summaries: IterationSummary[] = [];
  const writtenApplications = new Set<string>();

  await unlessUnlicensed(context, 'Installed applications', async () => {
    const applications: S1Application[] = [];
    summaries.push(
      await client.iterateApplications((page) => {
        applications.push(
          ...page.filter((app) => app?.applicationName?.trim()),
        );
      }),
    );

    await pMap(
      applications,
      async (application) => {
        const name = application.applicationName!.trim();
        const vendor = application.applicationVendor?.trim() ?? '';
        summaries.push(
          await client.iterateApplicationInstalls(
            {
              applicationName: application.applicationName!,
              applicationVendor: application.applicationVendor ?? '',
            },
            async (installs) => {
              const entities: Entity[] = [];
              const relationships: Relationship[] = [];
              for (const install of installs) {
                const version = install?.version?.trim() || 'unknown';
                const key = applicationKey(vendor, name, version);
                const agent = await collectedAgentKey(
                  context.jobState,
                  install?.endpointId,
                );
                const relationship = tally.convert(install, (i) => {
                  if (!writtenApplications.has(key)) {
                    writtenApplications.add(key);
                    entities.push(
                      createApplicationEntity({ name, vendor, version }),
                    );
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
            },
          ),
        );
      },
      { concurrency: APPLICATION_CONCURRENCY },
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
