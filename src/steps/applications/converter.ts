import { createHash } from 'crypto';

import {
  createDirectRelationship,
  Entity,
  Relationship,
} from '@jupiterone/integration-sdk-core';

import { S1ApplicationInstall } from '../../client/types';
import { Entities, Relationships } from '../constants';
import { toText } from '../../normalize/values';
import {
  MalformedRecordError,
  parseDate,
  createEntity,
  relationshipKey,
} from '../util';

/** Hex characters of the SHA-256 digest kept in an application key (128 bits). */
const KEY_HASH_LENGTH = 32;

export interface ApplicationVersion {
  name: string | null | undefined;
  vendor?: string | null;
  version?: string | null;
}

/**
 * Key of one vendor + name + version. The three values are hashed exactly as
 * the API answers them (JSON array, so `['a b', 'c']` and `['a', 'b c']` or
 * `null` and `''` differ): different triples never share a key, the same
 * triple always gets the same one, and the key holds only `[a-z0-9_-]`.
 */
export function applicationKey(
  vendor: string | null | undefined,
  name: string | null | undefined,
  version: string | null | undefined,
): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([vendor ?? null, name ?? null, version ?? null]))
    .digest('hex')
    .slice(0, KEY_HASH_LENGTH);
  return `${Entities.APPLICATION._type}-${digest}`;
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
