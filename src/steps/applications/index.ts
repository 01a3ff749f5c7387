import { IntegrationStep } from '@jupiterone/integration-sdk-core';
import pMap from 'p-map';

import { ListFilter, S1Application, S1ApplicationInstall } from '../../client';
import { IntegrationConfig } from '../../config';
import { toText } from '../../normalize/values';
import { singleIdFilters } from '../../scope';
import { Entities, IngestionSources, Relationships, Steps } from '../constants';
import { collectPages, getStepClient, StepContext } from '../framework';
import { applicationKey } from '../keys';
import { OptionalSources } from '../permissions';
import { collectedAgentKey } from '../relationships';
import {
  createAgentInstalledApplicationRelationship,
  createApplicationEntity,
} from './converter';

/** One install, with the inventory row (vendor + name) it was listed under. */
interface Install {
  name: string;
  vendor: string;
  install: S1ApplicationInstall;
}

/**
 * Every install of every application in the inventory, as an agent
 * INSTALLED application version. The inventory lists applications by
 * vendor + name; each one's installs carry the version, so an application
 * entity is one vendor + name + version, written with its first install
 * from a collected agent.
 */
export async function fetchApplications(context: StepContext): Promise<void> {
  const { client, scope } = await getStepClient(context);
  const concurrency = client.maxConcurrentRequests;
  const writtenApplications = new Set<string>();

  await collectPages<Install>({
    context,
    client,
    recordType: 'application install',
    writtenType: Relationships.AGENT_INSTALLED_APPLICATION._type,
    optional: OptionalSources.applicationManagement('Installed applications'),
    iterate: async (onPage) => {
      // One account (or site) per request: the API reads a single id.
      const applications: [ListFilter, S1Application, string][] = [];
      const inventories = await pMap(
        singleIdFilters(scope.run),
        (filter) =>
          client.iterateApplications(filter, (page) => {
            for (const app of page) {
              const name = toText(app?.applicationName);
              if (name) applications.push([filter, app, name]);
            }
          }),
        { concurrency },
      );
      const installs = await pMap(
        applications,
        ([filter, application, name]) => {
          const vendor = toText(application.applicationVendor) ?? '';
          return client.iterateApplicationInstalls(
            filter,
            {
              applicationName: application.applicationName!,
              applicationVendor: application.applicationVendor ?? '',
            },
            (page) =>
              onPage(page.map((install) => ({ name, vendor, install }))),
          );
        },
        { concurrency },
      );
      return [...inventories, ...installs];
    },
    toGraph: async ({ name, vendor, install }, graph) => {
      const agent = await collectedAgentKey(
        context.jobState,
        install?.endpointId,
      );
      if (!agent) return;
      const version = toText(install?.version) ?? 'unknown';
      const key = applicationKey(vendor, name, version);
      // One agent can hold the same version twice (two paths): the writer
      // keeps the first edge.
      graph.relationships.push(
        createAgentInstalledApplicationRelationship(agent, key, install),
      );
      if (!writtenApplications.has(key)) {
        writtenApplications.add(key);
        graph.entities.push(createApplicationEntity({ name, vendor, version }));
      }
    },
  });
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
