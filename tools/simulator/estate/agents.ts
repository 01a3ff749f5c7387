/** An agent's record (`GET /agents` item), built on demand from its core. */
import { hash32, Random } from '../random';
import {
  StringBoolean,
  WireActiveDirectory,
  WireAgent,
  WireTag,
} from '../wire';
import { OS_PROFILES, TAG_PAIRS } from './catalog';
import { DAY, EstateContext, HOUR, wholeSecond } from './context';
import { AgentCore } from './hosts';
import { ID_TYPES, makeId, MISC_ID_RANGES } from './ids';
import { managementAddress, networkInterfaces } from './network';
import { EstateAccount, EstateAgent, EstateGroup, EstateSite } from './types';

/** What an agent's record reads besides its core. */
export interface AgentSurroundings {
  accounts: EstateAccount[];
  sites: EstateSite[];
  groups: EstateGroup[];
  /** One per site (secret). */
  licenseKeys: string[];
  agentActiveThreats: Int32Array;
  agentVulnerable: Uint8Array;
  agentCount: number;
}

function lastActiveMs(r: Random, c: AgentCore, nowMs: number): number {
  let ms: number;
  if (c.decommissioned) ms = nowMs - r.int(30, 200) * DAY - r.int(0, DAY);
  else if (r.chance(0.1)) ms = nowMs - r.int(8, 60) * DAY - r.int(0, DAY);
  else if (r.chance(0.05)) ms = nowMs - r.int(2, 48) * HOUR;
  else ms = nowMs - r.int(0, 30 * 60_000);
  return ms < c.createdMs ? c.createdMs + HOUR : ms;
}

function tagsOf(
  ctx: EstateContext,
  r: Random,
  i: number,
  c: AgentCore,
  agentCount: number,
  date: (ms: number) => string,
): WireTag[] {
  if (!r.chance(0.3)) return [];
  const count = r.int(1, 2);
  const tags: WireTag[] = [];
  for (let t = 0; t < count; t++) {
    const [key, value] = TAG_PAIRS[(i + t * 3) % TAG_PAIRS.length];
    tags.push({
      id: makeId(
        ctx.seed,
        ID_TYPES.misc,
        i * 2 + t,
        agentCount * 2 + 1,
        MISC_ID_RANGES.tag,
      ),
      key,
      value,
      assignedAt: date(c.createdMs + DAY),
      assignedBy: ctx.creator,
      assignedById: ctx.creatorId,
    });
  }
  return tags;
}

function domainOf(c: AgentCore): string {
  if (c.osKey === 'windows')
    return c.variation.domainJoined ? 'ACME' : 'WORKGROUP';
  if (c.variation.unknownDomain) return 'unknown';
  return c.osKey === 'macos' ? 'local' : 'localdomain';
}

function username(c: AgentCore): string {
  return `${c.firstName[0]}${c.lastName}`;
}

function lastLoggedInUserName(c: AgentCore): string {
  if (c.variation.blankLastLoggedInUser) return '';
  return c.osKey === 'linux' ? 'ec2-user' : username(c);
}

/** A domain-joined Windows agent's Active Directory names. */
function activeDirectoryOf(
  c: AgentCore,
  site: EstateSite,
): WireActiveDirectory {
  const ou = (site.name.split(' ').pop() ?? 'HQ').replace(/[^A-Za-z0-9]/g, '');
  const person = `${c.firstName[0].toUpperCase()}${c.firstName.slice(
    1,
  )} ${c.lastName[0].toUpperCase()}${c.lastName.slice(1)}`;
  const dc = 'DC=acme,DC=corp';
  return {
    computerDistinguishedName: `CN=${c.computerName},OU=${
      c.machineType === 'server' ? 'Servers' : 'Workstations'
    },OU=${ou},${dc}`,
    computerMemberOf: [
      `CN=Domain Computers,CN=Users,${dc}`,
      `CN=SentinelOne Agents,OU=Groups,${dc}`,
    ],
    lastUserDistinguishedName: `CN=${person},OU=Users,OU=${ou},${dc}`,
    lastUserMemberOf: [
      `CN=Domain Users,CN=Users,${dc}`,
      `CN=VPN Users,OU=Groups,${dc}`,
    ],
    userPrincipalName: `${username(c)}@acme.corp`,
    mail: `${username(c)}@acme.example`,
  };
}

function cloudProvidersOf(
  c: AgentCore,
  r: Random,
): WireAgent['cloudProviders'] {
  const zone = r.pick(['us-east-1a', 'us-east-1b', 'us-west-2c', 'eu-west-1a']);
  return {
    AWS: {
      cloudAccount: `1234567890${String(c.account % 100).padStart(2, '0')}`,
      cloudInstanceId: `i-0${r.hex(16)}`,
      cloudInstanceSize: c.modelName.replace('Amazon EC2 - ', ''),
      cloudLocation: zone,
      cloudImage: `ami-0${r.hex(16)}`,
      cloudNetwork: `vpc-0${r.hex(16)}`,
      cloudTags: [`Name=${c.computerName}`],
    },
  };
}

const asString = (value: boolean): StringBoolean => (value ? 'True' : 'False');

/** The draws an agent's status is made of: version, activity, scan. */
function statusDraws(r: Random, c: AgentCore, nowMs: number) {
  const os = OS_PROFILES[c.osKey];
  const lastActive = lastActiveMs(r, c, nowMs);
  const versionIdx = r.chance(0.75) ? 0 : r.int(1, os.versions.length - 1);
  const scanDone = r.chance(0.85);
  return {
    lastActive,
    connected: !c.decommissioned && nowMs - lastActive < HOUR,
    agentVersion: os.versions[versionIdx],
    upToDate: versionIdx === 0,
    scanDone,
    scanDate: scanDone
      ? Math.max(c.createdMs, nowMs - r.int(1, 40) * DAY)
      : undefined,
  };
}

function addressingOf(
  ctx: EstateContext,
  around: AgentSurroundings,
  i: number,
  c: AgentCore,
) {
  return {
    seed: ctx.seed,
    index: i,
    agentCount: around.agentCount,
    site: c.site,
    osKey: c.osKey,
    machineType: c.machineType,
    variation: c.variation,
    oui: c.oui,
  };
}

/**
 * Builds agent `i`'s record: one object literal, so that every agent has the
 * same hidden class (spreading parts into it made building 10x slower).
 */
export function buildAgent(
  ctx: EstateContext,
  around: AgentSurroundings,
  i: number,
  c: AgentCore,
): EstateAgent {
  const r = new Random(ctx.seed, hash32('agent-detail', i));
  const v = c.variation;
  const date = (ms: number) =>
    v.wholeSecondDates ? wholeSecond(ctx.date(r, ms)) : ctx.date(r, ms);
  const bool = (value: boolean) => (v.stringBooleans ? asString(value) : value);
  const s = statusDraws(r, c, ctx.nowMs);
  const site = around.sites[c.site];
  const group = around.groups[c.group];
  const account = around.accounts[c.account];
  const addressing = addressingOf(ctx, around, i, c);
  const createdAt = v.wholeSecondDates ? wholeSecond(c.createdAt) : c.createdAt;
  const activeThreats = around.agentActiveThreats[i];
  const agent: EstateAgent = {
    id: c.id,
    uuid: c.uuid,
    computerName: c.computerName,
    domain: domainOf(c),
    osType: OS_PROFILES[c.osKey].osType,
    osName: c.osName,
    osRevision: c.osRevision,
    osArch: c.osKey === 'macos' && r.chance(0.6) ? 'ARM64' : '64 bit',
    osUsername: c.osKey === 'linux' ? 'root' : username(c),
    machineType: c.machineType,
    modelName: c.modelName,
    serialNumber: c.serialNumber,
    cpuCount: c.machineType === 'server' ? r.int(1, 2) : 1,
    coreCount: r.pick([4, 8, 12, 16]),
    totalMemory: r.pick([8192, 16384, 32768, 65536]),
    agentVersion: s.agentVersion,
    isUpToDate: bool(s.upToDate),
    isActive: !c.decommissioned,
    isDecommissioned: c.decommissioned,
    isUninstalled: c.decommissioned && r.chance(0.5),
    isPendingUninstall: false,
    infected: activeThreats > 0,
    activeThreats,
    threatRebootRequired: false,
    networkStatus: s.connected ? 'connected' : 'disconnected',
    lastActiveDate: date(s.lastActive),
    registeredAt: createdAt,
    createdAt,
    updatedAt: date(Math.max(s.lastActive, ctx.nowMs - r.int(0, 5) * DAY)),
    lastIpToMgmt: managementAddress(addressing),
    externalIp: `203.0.113.${r.int(1, 254)}`,
    networkInterfaces: networkInterfaces(addressing),
    siteId: site.id,
    siteName: site.name,
    groupId: group.id,
    groupName: group.name,
    accountId: account.id,
    accountName: account.name,
    mitigationMode: r.chance(0.15) ? 'detect' : 'protect',
    mitigationModeSuspicious: r.chance(0.7) ? 'detect' : 'protect',
    scanStatus: s.scanDone
      ? 'finished'
      : r.pick(['none', 'started', 'aborted'] as const),
    lastSuccessfulScanDate: s.scanDate === undefined ? null : date(s.scanDate),
    firewallEnabled: bool(r.chance(0.8)),
    encryptedApplications: bool(r.chance(0.6)),
    appsVulnerabilityStatus: around.agentVulnerable[i]
      ? 'patch_required'
      : 'up_to_date',
    operationalState: 'na',
    lastLoggedInUserName: lastLoggedInUserName(c),
    externalId: '',
    installerType: r.pick(OS_PROFILES[c.osKey].installer),
    tags: { sentinelone: tagsOf(ctx, r, i, c, around.agentCount, date) },
    licenseKey: around.licenseKeys[c.site],
    activeDirectory: v.domainJoined ? activeDirectoryOf(c, site) : undefined,
    cloudProviders: v.host === 'cloud' ? cloudProvidersOf(c, r) : undefined,
  };
  return agent;
}
