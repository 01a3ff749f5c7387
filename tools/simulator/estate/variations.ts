/**
 * Real-world variations: what real consoles send and a collector must cope
 * with, in realistic proportions, decided per agent from the seed (a hash of
 * seed and agent index, so an agent's variation does not depend on any other
 * record and can be counted without building the agent).
 */
import { hashString, hashUnit } from '../random';
import { OsKey } from './catalog';

/** What kind of host an agent runs on, as its interfaces and model show. */
export type HostKind =
  /** One physical or virtual NIC. */
  | 'plain'
  /** docker0, br-…, veth… interfaces (bridge addresses listed first). */
  | 'docker'
  /** virbr0 / vmnet1 / vEthernet (Default Switch) beside the real NIC. */
  | 'hypervisor'
  /** An EC2 instance: locally administered MAC, `cloudProviders.AWS`. */
  | 'cloud';

export interface AgentVariation {
  host: HostKind;
  /** `localhost.localdomain` as computer name (docker hosts). */
  genericHostname: boolean;
  /** Link-local IPv6 only, a global IPv6 address too, or no IPv4 at all. */
  ipv6: 'linkLocal' | 'global' | 'only';
  /** `firewallEnabled`, `isUpToDate`, `encryptedApplications` as "True"/"False". */
  stringBooleans: boolean;
  /** `lastLoggedInUserName: ""` (nobody has logged in). */
  blankLastLoggedInUser: boolean;
  /** Dates written without a fraction of a second. */
  wholeSecondDates: boolean;
  /** Windows agent joined to the ACME domain, with `activeDirectory`. */
  domainJoined: boolean;
  /** `domain: "unknown"`: the agent could not tell. */
  unknownDomain: boolean;
}

/** Exactly what the specification declares, nothing more. */
export const PLAIN_VARIATION: AgentVariation = {
  host: 'plain',
  genericHostname: false,
  ipv6: 'linkLocal',
  stringBooleans: false,
  blankLastLoggedInUser: false,
  wholeSecondDates: false,
  domainJoined: false,
  unknownDomain: false,
};

/** How many records carry each variation (agents decommissioned included). */
export interface VariationCounts {
  dockerHosts: number;
  hypervisorHosts: number;
  cloudInstances: number;
  genericHostnames: number;
  ipv6GlobalAgents: number;
  ipv6OnlyAgents: number;
  stringBooleanAgents: number;
  blankLastLoggedInUserNames: number;
  wholeSecondDateAgents: number;
  activeDirectoryAgents: number;
  unknownDomainAgents: number;
  /** Threats with `publisherName: ""`. */
  blankPublisherNameThreats: number;
  /** Risk rows with `status: "Removed"`. */
  removedRisks: number;
}

export function emptyVariationCounts(): VariationCounts {
  return {
    dockerHosts: 0,
    hypervisorHosts: 0,
    cloudInstances: 0,
    genericHostnames: 0,
    ipv6GlobalAgents: 0,
    ipv6OnlyAgents: 0,
    stringBooleanAgents: 0,
    blankLastLoggedInUserNames: 0,
    wholeSecondDateAgents: 0,
    activeDirectoryAgents: 0,
    unknownDomainAgents: 0,
    blankPublisherNameThreats: 0,
    removedRisks: 0,
  };
}

/** One hash stream per decision, hashed once. */
const STREAMS = {
  host: hashString('variation:host'),
  hostname: hashString('variation:hostname'),
  ipv6: hashString('variation:ipv6'),
  booleans: hashString('variation:booleans'),
  user: hashString('variation:user'),
  dates: hashString('variation:dates'),
  domain: hashString('variation:domain'),
};

function hostKind(roll: number, osKey: OsKey, machineType: string): HostKind {
  if (osKey === 'linux') {
    if (machineType === 'kubernetes node') return 'plain';
    if (roll < 0.3) return 'docker';
    if (roll < 0.7) return 'cloud';
    return roll < 0.75 ? 'hypervisor' : 'plain';
  }
  if (osKey === 'windows') {
    if (machineType === 'server') return roll < 0.5 ? 'cloud' : 'plain';
    return roll < 0.08 ? 'hypervisor' : 'plain';
  }
  return roll < 0.1 ? 'hypervisor' : 'plain';
}

/** The variation of agent `i`, from its OS and machine type and the seed. */
export function agentVariation(
  seed: number,
  i: number,
  osKey: OsKey,
  machineType: string,
): AgentVariation {
  const roll = (what: keyof typeof STREAMS) => hashUnit(seed, STREAMS[what], i);
  const host = hostKind(roll('host'), osKey, machineType);
  const ipv6Roll = roll('ipv6');
  return {
    host,
    genericHostname: host === 'docker' && roll('hostname') < 0.5,
    ipv6: ipv6Roll < 0.02 ? 'only' : ipv6Roll < 0.55 ? 'global' : 'linkLocal',
    stringBooleans: roll('booleans') < 0.1,
    blankLastLoggedInUser: roll('user') < 0.1,
    wholeSecondDates: roll('dates') < 0.15,
    domainJoined: osKey === 'windows' && roll('domain') < 0.7,
    unknownDomain:
      osKey === 'linux' || (osKey === 'macos' && roll('domain') < 0.3),
  };
}

/** Adds one agent's variation to the counts. */
export function countVariation(
  counts: VariationCounts,
  v: AgentVariation,
): void {
  if (v.host === 'docker') counts.dockerHosts++;
  if (v.host === 'hypervisor') counts.hypervisorHosts++;
  if (v.host === 'cloud') counts.cloudInstances++;
  if (v.genericHostname) counts.genericHostnames++;
  if (v.ipv6 === 'global') counts.ipv6GlobalAgents++;
  if (v.ipv6 === 'only') counts.ipv6OnlyAgents++;
  if (v.stringBooleans) counts.stringBooleanAgents++;
  if (v.blankLastLoggedInUser) counts.blankLastLoggedInUserNames++;
  if (v.wholeSecondDates) counts.wholeSecondDateAgents++;
  if (v.domainJoined) counts.activeDirectoryAgents++;
  if (v.unknownDomain) counts.unknownDomainAgents++;
}
