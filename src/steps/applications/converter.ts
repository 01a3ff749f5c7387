import {
  createDirectRelationship,
  Entity,
  Relationship,
} from '@jupiterone/integration-sdk-core';

import { S1ApplicationInstall } from '../../client/types';
import { Entities, Relationships } from '../constants';
import { toText } from '../../normalize/values';
import { applicationKey } from '../keys';
import {
  MalformedRecordError,
  parseDate,
  createEntity,
  relationshipKey,
} from '../util';

export interface ApplicationVersion {
  name: string | null | undefined;
  vendor?: string | null;
  version?: string | null;
}

/**
 * The `sentinelone_application` entity of one vendor + name + version.
 *
 * @throws MalformedRecordError for an application without name (the name is
 *   the application's identity in the inventory)
 */
export function createApplicationEntity(
  application: ApplicationVersion,
): Entity {
  const name = toText(application.name);
  if (!name) {
    throw new MalformedRecordError(
      'application record without applicationName',
      'application',
      'applicationName',
    );
  }
  const vendor = toText(application.vendor);
  const version = toText(application.version);

  return createEntity(
    {
      applicationName: application.name,
      applicationVendor: application.vendor ?? null,
      version: application.version ?? null,
    },
    {
      _key: applicationKey(
        application.vendor,
        application.name,
        application.version,
      ),
      _type: Entities.APPLICATION._type,
      _class: Entities.APPLICATION._class,
      name,
      displayName: version ? `${name} ${version}` : name,
      vendor,
      version,
    },
  );
}

/**
 * `sentinelone_agent` INSTALLED `sentinelone_application`, one per agent and
 * application version (the `_key` is `<agentKey>|installed|<applicationKey>`).
 *
 * @throws MalformedRecordError for an install with an unparseable date
 */
export function createAgentInstalledApplicationRelationship(
  agentEntityKey: string,
  applicationEntityKey: string,
  install: S1ApplicationInstall,
): Relationship {
  const label = `application install ${install.id ?? '(no id)'}`;
  const relationship = Relationships.AGENT_INSTALLED_APPLICATION;
  return createDirectRelationship({
    _class: relationship._class,
    fromKey: agentEntityKey,
    fromType: relationship.sourceType,
    toKey: applicationEntityKey,
    toType: relationship.targetType,
    properties: {
      _type: relationship._type,
      _key: relationshipKey(
        agentEntityKey,
        relationship._class,
        applicationEntityKey,
      ),
      installedOn: parseDate(
        install.applicationInstallationDate,
        'applicationInstallationDate',
        label,
      ),
      installPath: toText(install.applicationInstallationPath),
      detectedOn: parseDate(install.detectionDate, 'detectionDate', label),
    },
  });
}
