/**
 * Agent conversion alone, the hot path of a 100,000-agent collection:
 *
 *   npx ts-node --transpile-only bench/convert.ts [--agents 100000] [--rounds 7]
 *
 * Builds the agents in the vendor's shape (Windows domain laptops, macOS
 * laptops, Linux docker hosts, EC2 instances with `cloudProviders`; string
 * booleans, numbers as strings, blank strings and IPv6 among them), then
 * converts each into its entity and device relationship. Prints the median
 * CPU, main-thread CPU (Linux) and wall time over the rounds in ms per
 * 100,000 agents. Records are built a page at a time before the page is
 * converted (conversion consumes them), and building them is not counted.
 */
import { readFileSync } from 'fs';

import { S1Agent } from '../src/client/types';
import {
  createAgentEntity,
  createAgentProtectsDeviceRelationship,
} from '../src/steps/agents/converter';

const SERVER_URL = 'https://usea1-acme.sentinelone.net';
const NOW = Date.parse('2026-11-01T12:00:00Z');

function hex2(n: number): string {
  return (n & 255).toString(16).padStart(2, '0');
}

function mac(oui: string, i: number): string {
  return `${oui}:${hex2(i >>> 16)}:${hex2(i >>> 8)}:${hex2(i)}`;
}

function networkInterfaces(kind: number, i: number): unknown[] {
  const lan = `10.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`;
  const v6 = `2001:db8:${(i >>> 16).toString(16)}::${(i & 0xffff).toString(
    16,
  )}`;
  switch (kind) {
    case 0: // Windows laptop
      return [
        {
          id: `${i}1`,
          name: 'Ethernet',
          inet: [lan],
          inet6: [`fe80::1c2b:3a4d:${(i & 0xffff).toString(16)}:7a8b`, v6],
          physical: mac('B0-7B-25', i).toUpperCase().replace(/:/g, '-'),
          gatewayIp: '10.0.0.1',
        },
        {
          id: `${i}2`,
          name: 'vEthernet (Default Switch)',
          inet: ['172.29.160.1'],
          inet6: ['fe80::a1b2:c3d4:e5f6:1'],
          physical: mac('00:15:5d', i),
        },
        {
          id: `${i}3`,
          name: 'Bluetooth Network Connection',
          inet: [],
          inet6: [],
          physical: mac('f0:9e:4a', i),
        },
      ];
    case 1: // macOS laptop
      return [
        {
          id: `${i}1`,
          name: 'en0',
          inet: [`192.168.${(i >>> 8) & 255}.${i & 255}`],
          inet6: ['fe80::14a2:9c1d:8e3f:1', v6],
          physical: mac('a4:83:e7', i),
        },
        { id: `${i}2`, name: 'awdl0', inet: [], inet6: ['fe80::1'] },
        { id: `${i}3`, name: 'llw0', inet: [], inet6: ['fe80::2'] },
        { id: `${i}4`, name: 'utun0', inet: [], inet6: ['fe80::3'] },
      ];
    case 2: // Linux docker host
      return [
        {
          id: `${i}1`,
          name: 'eth0',
          inet: [lan],
          inet6: ['fe80::250:56ff:febd:78a0'],
          physical: mac('00:50:56', i),
        },
        {
          id: `${i}2`,
          name: 'docker0',
          inet: ['172.17.0.1'],
          inet6: ['fe80::42:94ff:fe48:e0bf'],
          physical: mac('02:42:94', i),
        },
        {
          id: `${i}3`,
          name: 'br-5f0c2a1b9e3d',
          inet: ['172.18.0.1'],
          inet6: [],
          physical: mac('02:42:8a', i),
        },
        ...[0, 1, 2, 3].map((n) => ({
          id: `${i}v${n}`,
          name: `veth${(i * 7 + n).toString(16)}`,
          inet: [],
          inet6: [`fe80::70da:4eff:fe05:${n}`],
          physical: mac('72:da:4e', i + n),
        })),
      ];
    default: // EC2 instance
      return [
        {
          id: `${i}1`,
          name: 'Ethernet 2',
          inet: [lan],
          inet6: [],
          physical: mac('06:35:e6', i),
        },
      ];
  }
}

const KINDS = [
  {
    osType: 'windows',
    osName: 'Windows 11 Enterprise',
    modelName: 'Dell Inc. - Latitude 3520',
    machineType: 'laptop',
    domain: 'ACME',
  },
  {
    osType: 'macos',
    osName: 'macOS',
    modelName: 'MacBookPro18,1',
    machineType: 'laptop',
    domain: 'unknown',
  },
  {
    osType: 'linux',
    osName: 'Linux',
    modelName: 'VMware, Inc. - VMware Virtual Platform',
    machineType: 'server',
    domain: 'unknown',
  },
  {
    osType: 'windows',
    osName: 'Windows Server 2022 Datacenter',
    modelName: 'Amazon EC2 - t3.medium',
    machineType: 'server',
    domain: 'ACME',
  },
];

function buildAgent(i: number): S1Agent {
  const kindIndex = i % 5 === 4 ? 0 : i % 4; // Windows laptops are the most common
  const kind = KINDS[kindIndex];
  const quirky = i % 7 === 0; // string booleans, numbers as strings, blanks
  const id = String(1190414000000000000n + BigInt(i));
  const record: Record<string, unknown> = {
    id,
    uuid: `5e0f3c2a9b8d4e7f8a6b${i.toString(16).padStart(12, '0')}`,
    computerName:
      kindIndex === 2 && i % 3 === 0
        ? 'localhost.localdomain'
        : `HOST-${i.toString(36).toUpperCase()}`,
    domain: kind.domain,
    osType: kind.osType,
    osName: kind.osName,
    osRevision: '22631',
    osArch: '64 bit',
    osUsername: '',
    machineType: kind.machineType,
    modelName: kind.modelName,
    serialNumber: `SN${i.toString(36).toUpperCase()}`,
    cpuCount: quirky ? '1' : 1,
    coreCount: quirky ? '8' : 8,
    totalMemory: quirky ? '16084' : 16084,
    agentVersion: '23.4.2.14',
    isUpToDate: quirky ? 'True' : true,
    isActive: true,
    isDecommissioned: false,
    isUninstalled: false,
    isPendingUninstall: false,
    infected: i % 50 === 0,
    activeThreats: i % 50 === 0 ? 1 : 0,
    threatRebootRequired: false,
    networkStatus: 'connected',
    lastActiveDate: '2026-11-01T11:58:12.345678Z',
    registeredAt: '2025-02-01T10:00:00.000000Z',
    createdAt: '2025-02-01T10:00:01Z',
    updatedAt: '2026-11-01T11:58:13.123456Z',
    lastIpToMgmt: `10.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`,
    externalIp: '203.0.113.7',
    networkInterfaces: networkInterfaces(kindIndex, i),
    siteId: '1190412123456789012',
    siteName: 'Headquarters',
    groupId: '1190413000000000101',
    groupName: 'Default Group',
    accountId: '1190411811111111111',
    accountName: 'Acme Corp',
    mitigationMode: 'protect',
    mitigationModeSuspicious: 'detect',
    scanStatus: 'finished',
    lastSuccessfulScanDate: '2026-10-15T03:00:00.000000Z',
    firewallEnabled: quirky ? 'True' : true,
    encryptedApplications: false,
    appsVulnerabilityStatus: 'up_to_date',
    operationalState: 'na',
    lastLoggedInUserName: quirky ? '' : 'jdoe',
    externalId: '',
    installerType: '.msi',
    tags: { sentinelone: [{ id: '1', key: 'env', value: 'prod' }] },
    licenseKey: 'S1-LICENSE-9f8e7d6c5b4a3f2e1d0c',
    cloudProviders:
      kindIndex === 3
        ? {
            AWS: {
              cloudAccount: '123456789012',
              cloudImage: 'ami-0abcdef1234567890',
              cloudInstanceId: `i-0${i.toString(16).padStart(16, '0')}`,
              cloudInstanceSize: 't3.medium',
              cloudLocation: 'us-east-1a',
              cloudNetwork: 'vpc-0a1b2c3d',
            },
          }
        : {},
    activeDirectory:
      kind.domain === 'ACME'
        ? {
            computerDistinguishedName: `CN=HOST-${i},OU=Laptops,DC=acme,DC=local`,
            computerMemberOf: ['CN=Laptops,OU=Groups,DC=acme,DC=local'],
            lastUserDistinguishedName: 'CN=Jane Doe,OU=Users,DC=acme,DC=local',
            lastUserMemberOf: ['CN=Finance,OU=Groups,DC=acme,DC=local'],
            userPrincipalName: 'jdoe@acme.local',
          }
        : {},
  };
  return record as unknown as S1Agent;
}

function parseArgs(argv: string[]): { agents: number; rounds: number } {
  const value = (flag: string, fallback: number) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? Number(argv[index + 1]) : fallback;
  };
  return { agents: value('--agents', 100_000), rounds: value('--rounds', 7) };
}

/** As the API serves them: pages of 1,000, each dropped once converted. */
const PAGE_SIZE = 1000;

/**
 * CPU ms of the main thread alone (utime + stime of /proc/self/task/<pid>, in
 * 10 ms ticks), or undefined off Linux. Process CPU also counts V8's helper
 * threads, which collect garbage concurrently: the two tell the time spent
 * converting apart from the garbage it leaves for later.
 */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function main(): void {
  const { agents, rounds } = parseArgs(process.argv.slice(2));
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  const mainThreadMs: number[] = [];
  let sink = 0;
  // One extra round first, not counted: it warms the JIT up.
  for (let round = 0; round <= rounds; round++) {
    let elapsedNs = 0n;
    let cpuUs = 0;
    let threadMs: number | undefined = 0;
    for (let first = 0; first < agents; first += PAGE_SIZE) {
      const page = Array.from(
        { length: Math.min(PAGE_SIZE, agents - first) },
        (_, i) => buildAgent(first + i),
      );
      const startedAt = process.hrtime.bigint();
      const cpuAtStart = process.cpuUsage();
      const threadAtStart = mainThreadCpuMs();
      for (const record of page) {
        const entity = createAgentEntity(record, SERVER_URL, NOW);
        sink += createAgentProtectsDeviceRelationship(entity)._key.length;
      }
      const threadAtEnd = mainThreadCpuMs();
      const cpu = process.cpuUsage(cpuAtStart);
      cpuUs += cpu.user + cpu.system;
      threadMs =
        threadMs === undefined ||
        threadAtStart === undefined ||
        threadAtEnd === undefined
          ? undefined
          : threadMs + threadAtEnd - threadAtStart;
      elapsedNs += process.hrtime.bigint() - startedAt;
    }
    if (round > 0) {
      wallMs.push((Number(elapsedNs) / 1e6) * (100_000 / agents));
      cpuMs.push((cpuUs / 1e3) * (100_000 / agents));
      if (threadMs !== undefined) {
        mainThreadMs.push(threadMs * (100_000 / agents));
      }
    }
  }
  console.log(
    `agent conversion, ms per 100k agents (${rounds} rounds of ${agents}): ` +
      `CPU ${summary(cpuMs)}; ` +
      (mainThreadMs.length > 0
        ? `main thread ${summary(mainThreadMs)}; `
        : '') +
      `wall ${summary(wallMs)} (check ${sink % 10})`,
  );
}

/** Median (min–max): CPU time is the steadier figure on a shared machine. */
function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `${median.toFixed(0)} (${sorted[0].toFixed(0)}–${sorted[
    sorted.length - 1
  ].toFixed(0)})`;
}

main();
