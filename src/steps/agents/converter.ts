import {
  createMappedRelationship,
  Entity,
  MappedRelationship,
  RelationshipDirection,
  TargetFilterKey,
} from '@jupiterone/integration-sdk-core';

import { S1Agent, S1Tag } from '../../client/types';
import {
  AGENT_FUNCTIONS,
  Entities,
  MappedRelationships,
  MappedTargets,
} from '../constants';
import { agentKey } from '../keys';
import {
  createEntity,
  nonBlank,
  opt,
  parseDate,
  relationshipKey,
  requireId,
  stripSecrets,
  unique,
} from '../util';
import { agentWebLink } from '../webLinks';

/** Fields of an agent that must never reach the graph. */
export const AGENT_SECRET_FIELDS = ['licenseKey'] as const;

/**
 * An agent is online when its network status is `connected` and it reported
 * to the console within this many milliseconds (24 hours).
 */
export const AGENT_ONLINE_THRESHOLD_MS = 24 * 60 * 60 * 1000;

const NULL_MAC_ADDRESS = '00:00:00:00:00:00';
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** SentinelOne `osType` -> JupiterOne `platform`. */
const PLATFORMS: Record<string, string> = {
  windows: 'windows',
  windows_legacy: 'windows',
  macos: 'darwin',
  linux: 'linux',
};

export function agentPlatform(
  osType: string | null | undefined,
): string | undefined {
  const normalized = nonBlank(osType)?.toLowerCase();
  if (!normalized) {
    return undefined;
  }
  return PLATFORMS[normalized] ?? 'other';
}

/**
 * Physical (MAC) addresses of the agent's interfaces: lower case, `:`
 * separated, de-duplicated, without the all-zero address.
 */
export function agentMacAddresses(agent: S1Agent): string[] {
  const addresses: string[] = [];
  for (const networkInterface of agent.networkInterfaces ?? []) {
    const physical = nonBlank(networkInterface?.physical)
      ?.toLowerCase()
      .replace(/-/g, ':');
    if (physical && physical !== NULL_MAC_ADDRESS) {
      addresses.push(physical);
    }
  }
  return unique(addresses);
}

function isUsableIpv4(address: string): boolean {
  const match = IPV4.exec(address);
  if (
    !match ||
    +match[1] > 255 ||
    +match[2] > 255 ||
    +match[3] > 255 ||
    +match[4] > 255
  ) {
    return false;
  }
  // Loopback and "any" addresses say nothing about the device.
  return +match[1] !== 127 && address !== '0.0.0.0';
}

/**
 * The agent's internal IPv4 addresses: the address it last used to reach the
 * console, then those of its interfaces; de-duplicated, loopback excluded.
 */
export function agentIpAddresses(agent: S1Agent): string[] {
  const candidates: string[] = [];
  const lastIp = nonBlank(agent.lastIpToMgmt);
  if (lastIp) {
    candidates.push(lastIp);
  }
  for (const networkInterface of agent.networkInterfaces ?? []) {
    for (const address of networkInterface?.inet ?? []) {
      const trimmed = nonBlank(address);
      if (trimmed) {
        candidates.push(trimmed);
      }
    }
  }
  return unique(candidates.filter(isUsableIpv4));
}

/**
 * A tag key usable in a `tag.<key>` property name: JupiterOne allows only
 * letters, digits, `.`, `-` and space after `tag.`; every run of other
 * characters (and spaces, which make awkward queries) becomes one `-`.
 */
export function sanitizeTagKey(key: string): string {
  return key
    .trim()
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * SentinelOne tags as entity properties: `tag.<sanitized key>` = value (values
 * of tags sharing a key joined with `,`) and `tags`, a list of `key:value`
 * strings (`key` alone for a tag without value).
 */
export function agentTagProperties(tags: S1Tag[] | null | undefined): {
  properties: Record<string, string>;
  tags: string[];
} {
  const values = new Map<string, string[]>();
  const list: string[] = [];
  for (const tag of tags ?? []) {
    const key = nonBlank(tag?.key);
    if (!key) {
      continue;
    }
    const value = opt(tag.value);
    list.push(value === undefined || value === '' ? key : `${key}:${value}`);

    const propertyKey = sanitizeTagKey(key);
    if (propertyKey && value !== undefined) {
      const existing = values.get(propertyKey) ?? [];
      if (!existing.includes(value)) {
        existing.push(value);
      }
      values.set(propertyKey, existing);
    }
  }
  const properties: Record<string, string> = {};
  for (const [key, tagValues] of values) {
    properties[`tag.${key}`] = tagValues.join(',');
  }
  return { properties, tags: unique(list) };
}

function hasActiveThreats(agent: S1Agent): boolean | undefined {
  if (typeof agent.activeThreats === 'number') {
    return agent.activeThreats > 0;
  }
  return opt(agent.infected);
}

/**
 * `active`: the agent is active and not decommissioned. Decommissioned agents
 * are always `active: false`; unknown when the API says nothing.
 */
function isAgentActive(agent: S1Agent): boolean | undefined {
  if (agent.isDecommissioned === true) {
    return false;
  }
  return opt(agent.isActive);
}

/**
 * `isOnline`: network status `connected` and last seen within
 * {@link AGENT_ONLINE_THRESHOLD_MS} before `now`.
 */
export function isAgentOnline(
  networkStatus: string | null | undefined,
  lastSeenOn: number | undefined,
  now: number,
): boolean {
  return (
    networkStatus === 'connected' &&
    lastSeenOn !== undefined &&
    now - lastSeenOn <= AGENT_ONLINE_THRESHOLD_MS
  );
}

/** What an agent entity says of the device it runs on. */
export type AgentEntity = Entity & {
  id: string;
  uuid?: string;
  hostname?: string;
  serial?: string;
  macAddress?: string[];
  osType?: string;
  platform?: string;
  osName?: string;
  osVersion?: string;
  modelName?: string;
  lastLoggedInUserName?: string;
};

/**
 * The `sentinelone_agent` (HostAgent) entity of an agent.
 *
 * @param now epoch ms the online check is relative to (the collection time)
 * @throws MalformedRecordError for an agent without id or with an unparseable date
 */
export function createAgentEntity(
  agent: S1Agent,
  serverUrl: string,
  now: number,
): AgentEntity {
  const id = requireId(agent, 'agent');
  const label = `agent ${id}`;
  const computerName = nonBlank(agent.computerName);
  const name = computerName ?? id;
  const lastSeenOn = parseDate(agent.lastActiveDate, 'lastActiveDate', label);
  const macAddress = agentMacAddresses(agent);
  const ipAddress = agentIpAddresses(agent);
  const tags = agentTagProperties(agent.tags?.sentinelone);

  const entity = createEntity(stripSecrets(agent, AGENT_SECRET_FIELDS), {
    _key: agentKey(id),
    _type: Entities.AGENT._type,
    _class: Entities.AGENT._class,
    id,
    name,
    displayName: name,
    function: [...AGENT_FUNCTIONS],
    uuid: opt(agent.uuid),
    hostname: computerName,
    domain: opt(agent.domain),
    serial: nonBlank(agent.serialNumber),
    macAddress: macAddress.length > 0 ? macAddress : undefined,
    ipAddress: ipAddress.length > 0 ? ipAddress : undefined,
    publicIpAddress: nonBlank(agent.externalIp),
    osType: opt(agent.osType),
    osName: opt(agent.osName),
    osVersion: opt(agent.osRevision),
    osArch: opt(agent.osArch),
    osUsername: opt(agent.osUsername),
    platform: agentPlatform(agent.osType),
    machineType: opt(agent.machineType),
    modelName: opt(agent.modelName),
    cpuCount: opt(agent.cpuCount),
    coreCount: opt(agent.coreCount),
    totalMemory: opt(agent.totalMemory),
    agentVersion: opt(agent.agentVersion),
    installerType: opt(agent.installerType),
    isUpToDate: opt(agent.isUpToDate),
    active: isAgentActive(agent),
    isActive: opt(agent.isActive),
    isDecommissioned: opt(agent.isDecommissioned),
    isUninstalled: opt(agent.isUninstalled),
    isPendingUninstall: opt(agent.isPendingUninstall),
    networkStatus: opt(agent.networkStatus),
    operationalState: opt(agent.operationalState),
    infected: opt(agent.infected),
    activeThreatsCount: opt(agent.activeThreats),
    threatRebootRequired: opt(agent.threatRebootRequired),
    mitigationMode: opt(agent.mitigationMode),
    mitigationModeSuspicious: opt(agent.mitigationModeSuspicious),
    detectOnly: agent.mitigationMode
      ? agent.mitigationMode === 'detect'
      : undefined,
    firewallEnabled: opt(agent.firewallEnabled),
    encryptedApplications: opt(agent.encryptedApplications),
    appsVulnerabilityStatus: opt(agent.appsVulnerabilityStatus),
    scanStatus: opt(agent.scanStatus),
    lastSuccessfulScanOn: parseDate(
      agent.lastSuccessfulScanDate,
      'lastSuccessfulScanDate',
      label,
    ),
    lastSeenOn,
    createdOn: parseDate(agent.createdAt, 'createdAt', label),
    updatedOn: parseDate(agent.updatedAt, 'updatedAt', label),
    registeredOn: parseDate(agent.registeredAt, 'registeredAt', label),
    siteId: opt(agent.siteId),
    siteName: opt(agent.siteName),
    groupId: opt(agent.groupId),
    groupName: opt(agent.groupName),
    accountId: opt(agent.accountId),
    accountName: opt(agent.accountName),
    lastLoggedInUserName: opt(agent.lastLoggedInUserName),
    externalId: opt(agent.externalId),
    webLink: agentWebLink(serverUrl, id),
    // Trust properties (issue 3, section 4).
    registered: true,
    hasActiveThreats: hasActiveThreats(agent),
    isOnline: isAgentOnline(agent.networkStatus, lastSeenOn, now),
    tags: tags.tags.length > 0 ? tags.tags : undefined,
    ...tags.properties,
  });
  return entity as AgentEntity;
}

/** Device `make` when the OS implies it; unknown otherwise. */
function deviceMake(osType: string | null | undefined): string | null {
  return osType?.toLowerCase() === 'macos' ? 'Apple' : null;
}

/**
 * `sentinelone_agent` PROTECTS the device (`user_endpoint`) it runs on, a
 * mapped relationship: JupiterOne matches an existing Device on `serial`,
 * then `macAddress`, then `hostname` (only the keys this agent has a value
 * for, in that priority order) and creates the Device when none matches.
 * An agent with none of the three (rare) is matched on `deviceId`, the
 * agent's UUID (else its id), so that every agent still has its device.
 *
 * Described from the agent's entity, which has already read the record.
 * The `_key` is `<agentEntityKey>|protects|user_endpoint`: one per agent.
 */
export function createAgentProtectsDeviceRelationship(
  agent: AgentEntity,
): MappedRelationship {
  const { hostname, serial, macAddress } = agent;
  const deviceId = nonBlank(agent.uuid) ?? agent.id;

  const targetFilterKeys: TargetFilterKey[] = [];
  if (serial) {
    targetFilterKeys.push(['_class', 'serial']);
  }
  if (macAddress) {
    targetFilterKeys.push(['_class', 'macAddress']);
  }
  if (hostname) {
    targetFilterKeys.push(['_class', 'hostname']);
  }
  if (targetFilterKeys.length === 0) {
    targetFilterKeys.push(['_class', 'deviceId']);
  }

  const relationship = MappedRelationships.AGENT_PROTECTS_DEVICE;
  return createMappedRelationship({
    _key: relationshipKey(
      agent._key,
      relationship._class,
      MappedTargets.DEVICE._type,
    ),
    _type: relationship._type,
    _class: relationship._class,
    _mapping: {
      relationshipDirection: RelationshipDirection.FORWARD,
      sourceEntityKey: agent._key,
      targetFilterKeys,
      targetEntity: {
        _class: MappedTargets.DEVICE._class,
        _type: MappedTargets.DEVICE._type,
        displayName: hostname ?? serial ?? macAddress?.[0] ?? deviceId,
        hostname,
        serial: serial ?? null,
        macAddress,
        deviceId,
        osType: agent.osType,
        platform: agent.platform,
        osName: agent.osName,
        osVersion: agent.osVersion,
        make: deviceMake(agent.osType),
        model: nonBlank(agent.modelName) ?? null,
        owner: nonBlank(agent.lastLoggedInUserName),
        category: 'endpoint',
      },
      skipTargetCreation: false,
    },
  });
}
