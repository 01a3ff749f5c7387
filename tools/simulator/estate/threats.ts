/**
 * Threats (`GET /threats` items), ordered by id. About one in twenty names an
 * agent that is no longer in the estate; unresolved threats count in their
 * agent's `activeThreats`.
 */
import { Random } from '../random';
import { WireAgentRealtimeInfo, WireThreatInfo } from '../wire';
import { CLASSIFICATIONS, FIRST_NAMES, THREAT_FILES } from './catalog';
import { DAY, EstateContext } from './context';
import { AgentCore } from './hosts';
import { ID_TYPES, makeId } from './ids';
import { EstateGroup, EstateSite, EstateThreat } from './types';

export interface ThreatSurroundings {
  sites: EstateSite[];
  groups: EstateGroup[];
  groupSite: Int32Array;
  agentCount: number;
  /** Ids are allotted to agents and then to deleted agents. */
  agentCapacity: number;
  agentCore(i: number): AgentCore;
}

function placement(site: EstateSite, group: EstateGroup) {
  return {
    siteId: site.id,
    siteName: site.name,
    groupId: group.id,
    groupName: group.name,
    accountId: site.accountId,
    accountName: site.accountName,
  };
}

function deletedAgentInfo(
  ctx: EstateContext,
  r: Random,
  around: ThreatSurroundings,
  deletedAgentIds: string[],
): WireAgentRealtimeInfo {
  const agentId = makeId(
    ctx.seed,
    ID_TYPES.agent,
    around.agentCount + deletedAgentIds.length,
    around.agentCapacity,
  );
  deletedAgentIds.push(agentId);
  const g = r.int(0, around.groups.length - 1);
  return {
    agentId,
    agentUuid: r.hex(32),
    agentComputerName: `DELETED-HOST-${deletedAgentIds.length}`,
    agentOsType: 'windows',
    agentIsActive: false,
    agentIsDecommissioned: true,
    ...placement(around.sites[around.groupSite[g]], around.groups[g]),
  };
}

function liveAgentInfo(
  around: ThreatSurroundings,
  c: AgentCore,
): WireAgentRealtimeInfo {
  return {
    agentId: c.id,
    agentUuid: c.uuid,
    agentComputerName: c.computerName,
    agentOsType: c.osKey,
    agentIsActive: !c.decommissioned,
    agentIsDecommissioned: c.decommissioned,
    ...placement(around.sites[c.site], around.groups[c.group]),
  };
}

function threatInfo(
  ctx: EstateContext,
  r: Random,
  id: string,
  osType: string | undefined,
): WireThreatInfo {
  const incidentStatus = r.weighted([
    ['unresolved', 35],
    ['in_progress', 15],
    ['resolved', 50],
  ] as const);
  const updatedMs = ctx.nowMs - Math.floor(r.float() * 120 * DAY);
  const createdMs = updatedMs - Math.floor(r.float() * 20 * DAY);
  const file = r.pick(THREAT_FILES);
  const resolved = incidentStatus === 'resolved';
  const created = ctx.date(r, createdMs);
  return {
    threatId: id,
    threatName: file,
    classification: r.weighted(CLASSIFICATIONS),
    classificationSource: r.pick(['Engine', 'Cloud', 'Static'] as const),
    confidenceLevel: r.weighted([
      ['malicious', 60],
      ['suspicious', 35],
      ['n/a', 5],
    ] as const),
    analystVerdict: resolved
      ? r.weighted([
          ['true_positive', 6],
          ['false_positive', 3],
          ['suspicious', 1],
        ] as const)
      : r.weighted([
          ['undefined', 7],
          ['true_positive', 2],
          ['suspicious', 1],
        ] as const),
    incidentStatus,
    mitigationStatus: resolved
      ? r.pick(['mitigated', 'marked_as_benign'] as const)
      : r.pick(['not_mitigated', 'not_mitigated', 'mitigated'] as const),
    sha1: r.hex(40),
    sha256: r.hex(64),
    md5: r.hex(32),
    filePath:
      osType === 'windows'
        ? `\\Device\\HarddiskVolume3\\Users\\${r.pick(
            FIRST_NAMES,
          )}\\Downloads\\${file}`
        : `/tmp/.cache/${file}`,
    fileSize: r.int(4_096, 25_000_000),
    detectionType: r.pick(['static', 'dynamic'] as const),
    initiatedBy: r.pick([
      'agent_policy',
      'full_disk_scan',
      'star_active',
      'cloud_detection',
    ] as const),
    originatorProcess: r.pick([
      'explorer.exe',
      'chrome.exe',
      'outlook.exe',
      'bash',
    ]),
    storyline: r.hex(16).toUpperCase(),
    publisherName: r.chance(0.3) ? 'Unknown Publisher LLC' : '',
    createdAt: created,
    updatedAt: ctx.date(r, updatedMs),
    identifiedAt: created,
    rebootRequired: false,
    automaticallyResolved: resolved && r.chance(0.3),
    externalTicketId: null,
  };
}

export function buildThreats(
  ctx: EstateContext,
  around: ThreatSurroundings,
  agentActiveThreats: Int32Array,
): { threats: EstateThreat[]; deletedAgentIds: string[] } {
  const r = ctx.rnd('threats');
  const count = ctx.options.threats;
  const threats: EstateThreat[] = [];
  const deletedAgentIds: string[] = [];
  for (let t = 0; t < count; t++) {
    const deleted = around.agentCount === 0 || t % 20 === 3;
    const agentIndex = deleted ? -1 : r.int(0, around.agentCount - 1);
    const realtime =
      agentIndex < 0
        ? deletedAgentInfo(ctx, r, around, deletedAgentIds)
        : liveAgentInfo(around, around.agentCore(agentIndex));
    const id = makeId(ctx.seed, ID_TYPES.threat, t, count);
    const info = threatInfo(ctx, r, id, realtime.agentOsType);
    threats.push({ id, threatInfo: info, agentRealtimeInfo: realtime });
    if (agentIndex >= 0 && info.incidentStatus !== 'resolved') {
      agentActiveThreats[agentIndex] += 1;
    }
  }
  return { threats, deletedAgentIds };
}
