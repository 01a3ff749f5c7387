import {
  createMappedRelationship,
  Entity,
  MappedRelationship,
  RelationshipDirection,
  TargetFilterKey,
} from '@jupiterone/integration-sdk-core';

import { S1Agent, S1CloudInstance, S1Tag } from '../../client/types';
import { deviceModel, isGenericHostname } from '../../normalize/device';
import { networkIdentity } from '../../normalize/network';
import {
  toBoolean,
  toName,
  toNumber,
  toText,
  toTextList,
} from '../../normalize/values';
import {
  AGENT_FUNCTIONS,
  Entities,
  MappedRelationships,
  MappedTargets,
} from '../constants';
import { agentKey } from '../keys';
import {
  createEntity,
  DAY_MS,
  parseDate,
  relationshipKey,
  requireId,
  stripSecrets,
} from '../util';
import { agentWebLink } from '../webLinks';

/** Fields of an agent that must never reach the graph. */
const AGENT_SECRET_FIELDS = ['licenseKey'] as const;

/**
 * An agent is online when its network status is `connected` and it reported
 * to the console within this many milliseconds (24 hours).
 */
export const AGENT_ONLINE_THRESHOLD_MS = DAY_MS;

/** SentinelOne `osType` -> JupiterOne `platform`. */
const PLATFORMS: Record<string, string> = {
  windows: 'windows',
  windows_legacy: 'windows',
  macos: 'darwin',
  linux: 'linux',
};

export function agentPlatform(osType: string | undefined): string | undefined {
  if (!osType) {
    return undefined;
  }
  return PLATFORMS[osType] ?? 'other';
}

/**
 * The provider (`AWS`, `Azure`, `GCP`) of the cloud instance the agent runs
 * on: the first key of `cloudProviders` that holds an instance.
 */
export function agentCloudProvider(
  cloudProviders: S1Agent['cloudProviders'],
): string | undefined {
  if (!cloudProviders) {
    return undefined;
  }
  for (const provider in cloudProviders) {
    const instance = cloudProviders[provider];
    if (instance && typeof instance === 'object') {
      return toText(provider);
    }
  }
  return undefined;
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

export interface AgentTags {
  properties: Record<string, string>;
  tags: string[];
}

/**
 * Shared by the many agents without tags, never modified: such an agent gets
 * no tag property and no `tags` list.
 */
const NO_TAGS: AgentTags = { properties: {}, tags: [] };

/**
 * SentinelOne tags as entity properties: `tag.<sanitized key>` = value (values
 * of tags sharing a key joined with `,`) and `tags`, a list of `key:value`
 * strings (`key` alone for a tag without value).
 */
export function agentTagProperties(
  tags: S1Tag[] | null | undefined,
): AgentTags {
  if (!tags || tags.length === 0) {
    return NO_TAGS;
  }
  const values = new Map<string, string[]>();
  const list: string[] = [];
  for (const tag of tags) {
    const key = toText(tag?.key);
    if (!key) {
      continue;
    }
    const value = toText(tag.value);
    const entry = value === undefined ? key : `${key}:${value}`;
    if (!list.includes(entry)) {
      list.push(entry);
    }

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
  return { properties, tags: list };
}

/**
 * `active`: the agent is active and not decommissioned. Decommissioned agents
 * are always `active: false`; unknown when the API says nothing.
 */
function isAgentActive(
  isActive: boolean | undefined,
  isDecommissioned: boolean | undefined,
): boolean | undefined {
  return isDecommissioned === true ? false : isActive;
}

/**
 * `isOnline`: network status `connected` and last seen within
 * {@link AGENT_ONLINE_THRESHOLD_MS} before `now`.
 */
export function isAgentOnline(
  networkStatus: string | undefined,
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
  make?: string;
  model?: string;
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
  const computerName = toText(agent.computerName);
  const name = computerName ?? id;
  const osType = toText(agent.osType)?.toLowerCase();
  const lastSeenOn = parseDate(agent.lastActiveDate, 'lastActiveDate', label);
  const network = networkIdentity(agent.networkInterfaces, agent.lastIpToMgmt);
  const ipAddress =
    network.ipv6Addresses.length === 0
      ? network.ipv4Addresses
      : network.ipv4Addresses.concat(network.ipv6Addresses);
  const { make, model } = deviceModel(agent.modelName, osType);
  const isActive = toBoolean(agent.isActive);
  const isDecommissioned = toBoolean(agent.isDecommissioned);
  const infected = toBoolean(agent.infected);
  const activeThreats = toNumber(agent.activeThreats);
  const networkStatus = toText(agent.networkStatus);
  const mitigationMode = toText(agent.mitigationMode);
  const activeDirectory = agent.activeDirectory;
  const cloudProvider = agentCloudProvider(agent.cloudProviders);
  const cloud: S1CloudInstance | null | undefined =
    cloudProvider === undefined
      ? undefined
      : agent.cloudProviders?.[cloudProvider];
  const tags = agentTagProperties(agent.tags?.sentinelone);

  const entity = createEntity(stripSecrets(agent, AGENT_SECRET_FIELDS), {
    _key: agentKey(id),
    _type: Entities.AGENT._type,
    _class: Entities.AGENT._class,
    id,
    name,
    displayName: name,
    function: AGENT_FUNCTIONS as string[],
    uuid: toText(agent.uuid),
    hostname: computerName,
    domain: toName(agent.domain),
    serial: toName(agent.serialNumber),
    macAddress:
      network.macAddresses.length > 0 ? network.macAddresses : undefined,
    ipAddress: ipAddress.length > 0 ? ipAddress : undefined,
    ipv6Address:
      network.ipv6Addresses.length > 0 ? network.ipv6Addresses : undefined,
    publicIpAddress: toText(agent.externalIp),
    osType,
    osName: toText(agent.osName),
    osVersion: toText(agent.osRevision),
    osArch: toText(agent.osArch),
    osUsername: toText(agent.osUsername),
    platform: agentPlatform(osType),
    machineType: toText(agent.machineType),
    modelName: toText(agent.modelName),
    make,
    model,
    cpuCount: toNumber(agent.cpuCount),
    coreCount: toNumber(agent.coreCount),
    totalMemory: toNumber(agent.totalMemory),
    agentVersion: toText(agent.agentVersion),
    installerType: toText(agent.installerType),
    isUpToDate: toBoolean(agent.isUpToDate),
    active: isAgentActive(isActive, isDecommissioned),
    isActive,
    isDecommissioned,
    isUninstalled: toBoolean(agent.isUninstalled),
    isPendingUninstall: toBoolean(agent.isPendingUninstall),
    networkStatus,
    operationalState: toText(agent.operationalState),
    infected,
    activeThreatsCount: activeThreats,
    threatRebootRequired: toBoolean(agent.threatRebootRequired),
    mitigationMode,
    mitigationModeSuspicious: toText(agent.mitigationModeSuspicious),
    detectOnly: mitigationMode ? mitigationMode === 'detect' : undefined,
    firewallEnabled: toBoolean(agent.firewallEnabled),
    encryptedApplications: toBoolean(agent.encryptedApplications),
    appsVulnerabilityStatus: toText(agent.appsVulnerabilityStatus),
    scanStatus: toText(agent.scanStatus),
    lastSuccessfulScanOn: parseDate(
      agent.lastSuccessfulScanDate,
      'lastSuccessfulScanDate',
      label,
    ),
    lastSeenOn,
    createdOn: parseDate(agent.createdAt, 'createdAt', label),
    updatedOn: parseDate(agent.updatedAt, 'updatedAt', label),
    registeredOn: parseDate(agent.registeredAt, 'registeredAt', label),
    siteId: toText(agent.siteId),
    siteName: toText(agent.siteName),
    groupId: toText(agent.groupId),
    groupName: toText(agent.groupName),
    accountId: toText(agent.accountId),
    accountName: toText(agent.accountName),
    lastLoggedInUserName: toText(agent.lastLoggedInUserName),
    externalId: toText(agent.externalId),
    // Active Directory, for domain-joined Windows agents.
    adComputerDistinguishedName: toText(
      activeDirectory?.computerDistinguishedName,
    ),
    adComputerMemberOf: toTextList(activeDirectory?.computerMemberOf),
    adLastUserDistinguishedName: toText(
      activeDirectory?.lastUserDistinguishedName,
    ),
    adLastUserMemberOf: toTextList(activeDirectory?.lastUserMemberOf),
    adLastUserPrincipalName: toText(activeDirectory?.userPrincipalName),
    adLastUserEmail: toText(activeDirectory?.mail),
    // The cloud instance the agent runs on, to join it to the instance.
    cloudProvider,
    cloudAccount: toText(cloud?.cloudAccount),
    cloudImage: toText(cloud?.cloudImage),
    cloudInstanceId: toText(cloud?.cloudInstanceId),
    cloudInstanceSize: toText(cloud?.cloudInstanceSize),
    cloudLocation: toText(cloud?.cloudLocation),
    cloudNetwork: toText(cloud?.cloudNetwork),
    webLink: agentWebLink(serverUrl, id),
    // Trust properties (issue 3, section 4).
    registered: true,
    hasActiveThreats:
      activeThreats === undefined ? infected : activeThreats > 0,
    isOnline: isAgentOnline(networkStatus, lastSeenOn, now),
    tags: tags.tags.length > 0 ? tags.tags : undefined,
    ...tags.properties,
  });
  return entity as AgentEntity;
}

/**
 * `sentinelone_agent` PROTECTS the device (`user_endpoint`) it runs on, a
 * mapped relationship: JupiterOne matches an existing Device on `serial`,
 * then `macAddress`, then `hostname` (only the keys this agent has a value
 * for, in that priority order) and creates the Device when none matches.
 * An agent with none of the three (rare) is matched on `deviceId`, the
 * agent's UUID (else its id), so that every agent still has its device.
 *
 * None of these keys is shared by unrelated machines: the entity's MACs are
 * those of physical interfaces only (see `networkIdentity`), firmware
 * placeholder serials are no serial, and a generic host name such as
 * `localhost.localdomain` (see `isGenericHostname`) is neither matched on
 * nor given to the device.
 *
 * Described from the agent's entity, which has already read the record.
 * The `_key` is `<agentEntityKey>|protects|user_endpoint`: one per agent.
 */
export function createAgentProtectsDeviceRelationship(
  agent: AgentEntity,
): MappedRelationship {
  const { serial, macAddress } = agent;
  const hostname =
    agent.hostname && !isGenericHostname(agent.hostname)
      ? agent.hostname
      : undefined;
  const deviceId = agent.uuid ?? agent.id;

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
        make: agent.make ?? null,
        model: agent.model ?? null,
        owner: agent.lastLoggedInUserName,
        category: 'endpoint',
      },
      skipTargetCreation: false,
    },
  });
}
