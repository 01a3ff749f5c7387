/**
 * Who an agent is before what it reports: operating system, machine type,
 * computer name, "Make - Model", serial number, and its real-world variation.
 * Threats and installs read these too, so they are built apart from the
 * agent's record.
 */
import { hash32, hashString, hashUnit, Random } from '../random';
import { WireAgent } from '../wire';
import { FIRST_NAMES, LAST_NAMES, OS_PROFILES, OsKey } from './catalog';
import { DAY, EstateContext } from './context';
import { AgentVariation, agentVariation, PLAIN_VARIATION } from './variations';

export type MachineType = NonNullable<WireAgent['machineType']>;

export interface AgentCore {
  id: string;
  group: number;
  site: number;
  account: number;
  osKey: OsKey;
  osName: string;
  osRevision: string;
  uuid: string;
  computerName: string;
  machineType: MachineType;
  /** "Make - Model" ("Dell Inc. - Latitude 3520"); Apple's model identifier on macOS. */
  modelName: string;
  serialNumber: string;
  /** First three bytes of the primary MAC (the maker's OUI). */
  oui: string;
  firstName: string;
  lastName: string;
  createdMs: number;
  createdAt: string;
  decommissioned: boolean;
  variation: AgentVariation;
}

interface Hardware {
  computerName: string;
  modelName: string;
  serialNumber: string;
  oui: string;
}

const OS_WEIGHTS = [
  ['windows', 60],
  ['macos', 25],
  ['linux', 15],
] as const;
const KIND_STREAM = hashString('agent-kind');

/** An agent's operating system and machine type: cheap, from hashes only. */
export interface AgentKind {
  osKey: OsKey;
  osIdx: number;
  machineType: MachineType;
}

export function agentKind(seed: number, i: number): AgentKind {
  const h = hash32(seed, KIND_STREAM, i);
  const osRoll = (h % 100) + 0.5;
  const osKey =
    osRoll < OS_WEIGHTS[0][1]
      ? 'windows'
      : osRoll < OS_WEIGHTS[0][1] + OS_WEIGHTS[1][1]
      ? 'macos'
      : 'linux';
  const os = OS_PROFILES[osKey];
  const osIdx = (h >>> 8) % os.osNames.length;
  const roll = ((h >>> 16) & 0xffff) / 65536;
  let machineType: MachineType;
  if (osKey === 'windows') {
    machineType = os.osNames[osIdx].includes('Server')
      ? 'server'
      : roll < 0.6
      ? 'laptop'
      : 'desktop';
  } else if (osKey === 'macos') {
    machineType = roll < 0.8 ? 'laptop' : 'desktop';
  } else {
    machineType = roll < 0.3 ? 'kubernetes node' : 'server';
  }
  return { osKey, osIdx, machineType };
}

/** Agent i's real-world variation (plain when the estate has none). */
export function variationOf(ctx: EstateContext, i: number): AgentVariation {
  if (!ctx.options.variations) return PLAIN_VARIATION;
  const kind = agentKind(ctx.seed, i);
  return agentVariation(ctx.seed, i, kind.osKey, kind.machineType);
}

function windowsHardware(
  r: Random,
  i36: string,
  type: MachineType,
  v: AgentVariation,
): Hardware {
  if (type === 'server' && v.host === 'cloud') {
    return {
      computerName: `EC2AMAZ-${r.alnumUpper(7)}`,
      modelName: `Amazon EC2 - ${r.pick([
        't3.medium',
        'm5.large',
        'c5.xlarge',
      ])}`,
      serialNumber: `ec2${r.hex(5)}-${i36.toLowerCase()}-${r.hex(6)}`,
      oui: '06:00:00',
    };
  }
  if (type === 'server') {
    return {
      computerName: `WIN-SRV${i36}${r.alnumUpper(2)}`,
      modelName: 'VMware, Inc. - VMware Virtual Platform',
      serialNumber: `VMware-56 4d ${r.hex(2)} ${r.hex(
        2,
      )} ${i36.toLowerCase()} ${r.hex(2)}`,
      oui: '00:50:56',
    };
  }
  const computerName = `DESKTOP-${i36}${r.alnumUpper(3)}`;
  if (r.chance(0.5)) {
    return {
      computerName,
      modelName: `Dell Inc. - Latitude ${r.pick([
        '3520',
        '5420',
        '7430',
        '5530',
      ])}`,
      serialNumber: `${r.alnumUpper(3)}${i36}`,
      oui: 'b0:7b:25',
    };
  }
  return {
    computerName,
    modelName: `LENOVO - ${r.pick(['20XW004GUS', '21CB007MUS', '20T0001JUS'])}`,
    serialNumber: `PF${i36}${r.alnumUpper(4)}`,
    oui: '8c:16:45',
  };
}

function macHardware(
  r: Random,
  i36: string,
  type: MachineType,
  first: string,
): Hardware {
  const laptop = type === 'laptop';
  return {
    computerName: `${first}-${
      laptop ? 'MacBook-Pro' : 'iMac'
    }-${i36.toLowerCase()}`,
    modelName: laptop
      ? r.pick([
          'MacBookPro18,1',
          'MacBookPro18,3',
          'Mac14,9',
          'MacBookAir10,1',
        ])
      : 'iMac21,1',
    serialNumber: `C02${i36}${r.alnumUpper(5)}`,
    oui: 'a4:83:e7',
  };
}

function linuxHardware(
  r: Random,
  i: number,
  i36: string,
  type: MachineType,
  v: AgentVariation,
): Hardware {
  const serialNumber = `${r.hex(8)}-${i36.toLowerCase()}-${r.hex(6)}`;
  if (type === 'kubernetes node') {
    return {
      computerName: `gke-prod-pool-${i36.toLowerCase()}-${r.hex(4)}`,
      modelName: 'Google - Google Compute Engine',
      serialNumber: `GoogleCloud-${serialNumber}`,
      oui: '42:01:0a',
    };
  }
  if (v.host === 'cloud') {
    return {
      computerName: `ip-10-${(i >>> 16) & 255}-${(i >>> 8) & 255}-${i & 255}`,
      modelName: `Amazon EC2 - ${r.pick([
        't3.medium',
        't3.large',
        'm5.xlarge',
      ])}`,
      serialNumber: `ec2${serialNumber}`,
      oui: '0a:00:00',
    };
  }
  const dell = r.chance(0.5);
  return {
    computerName: v.genericHostname
      ? 'localhost.localdomain'
      : `${v.host === 'docker' ? 'docker' : 'srv'}-${i36.toLowerCase()}`,
    modelName: dell
      ? `Dell Inc. - PowerEdge ${r.pick(['R650', 'R740', 'R6515'])}`
      : 'VMware, Inc. - VMware Virtual Platform',
    serialNumber: dell ? r.alnumUpper(7) : `VMware-${serialNumber}`,
    oui: dell ? 'b0:7b:25' : '00:50:56',
  };
}

/** Agent i -> group index: round-robin over all groups, or per site's groups. */
export function placeAgents(
  ctx: EstateContext,
  groupSite: Int32Array,
): Int32Array {
  const { agents, groups, agentsPerSite } = ctx.options;
  const out = new Int32Array(agents);
  if (!agentsPerSite) {
    for (let i = 0; i < agents; i++) out[i] = i % groups;
    return out;
  }
  const groupsOfSite: number[][] = agentsPerSite.map(() => []);
  groupSite.forEach((s, g) => groupsOfSite[s].push(g));
  let i = 0;
  agentsPerSite.forEach((n, s) => {
    for (let k = 0; k < n; k++)
      out[i++] = groupsOfSite[s][k % groupsOfSite[s].length];
  });
  return out;
}

export function decommissionedAgents(ctx: EstateContext): Uint8Array {
  const out = new Uint8Array(ctx.options.agents);
  for (let i = 0; i < out.length; i++) {
    out[i] = hashUnit(ctx.seed, 'decommissioned', i) < 0.05 ? 1 : 0;
  }
  return out;
}

/** Builds agent `i`'s core (cheap: no record, no interfaces). */
export function agentCore(
  ctx: EstateContext,
  tables: {
    agentGroup: Int32Array;
    groupSite: Int32Array;
    siteAccount: Int32Array;
    agentDecommissioned: Uint8Array;
    agentId(i: number): string;
  },
  i: number,
): AgentCore {
  const r = new Random(ctx.seed, hash32('agent', i));
  const group = tables.agentGroup[i];
  const site = tables.groupSite[group];
  const { osKey, osIdx, machineType } = agentKind(ctx.seed, i);
  const os = OS_PROFILES[osKey];
  const osName = os.osNames[osIdx];
  const osRevision =
    osKey === 'windows'
      ? os.revisions[osIdx]
      : os.revisions[r.int(0, os.revisions.length - 1)];
  const i36 = i.toString(36).toUpperCase().padStart(4, '0');
  const firstName = r.pick(FIRST_NAMES);
  const lastName = r.pick(LAST_NAMES);
  const variation = ctx.options.variations
    ? agentVariation(ctx.seed, i, osKey, machineType)
    : PLAIN_VARIATION;
  const hardware =
    osKey === 'windows'
      ? windowsHardware(r, i36, machineType, variation)
      : osKey === 'macos'
      ? macHardware(r, i36, machineType, firstName)
      : linuxHardware(r, i, i36, machineType, variation);
  const createdMs = ctx.nowMs - r.int(30, 900) * DAY - r.int(0, DAY);
  return {
    id: tables.agentId(i),
    group,
    site,
    account: tables.siteAccount[site],
    osKey,
    osName,
    osRevision,
    uuid: r.hex(32),
    machineType,
    ...hardware,
    firstName,
    lastName,
    createdMs,
    createdAt: ctx.date(r, createdMs),
    decommissioned: tables.agentDecommissioned[i] === 1,
    variation,
  };
}
