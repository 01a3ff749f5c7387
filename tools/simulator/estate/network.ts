/**
 * An agent's `networkInterfaces`, as real hosts report them: docker bridges
 * and veth pairs listed first on docker hosts, hypervisor switches, EC2's
 * locally administered MACs, IPv6 (global, link-local, or nothing else).
 */
import { hash32, Random } from '../random';
import { WireNetworkInterface } from '../wire';
import { OsKey } from './catalog';
import { hex2 } from './context';
import { ID_TYPES, makeId, MISC_ID_RANGES } from './ids';
import { AgentVariation } from './variations';

/** Interface ids per agent: room for docker's bridges and veth pairs. */
export const INTERFACES_PER_AGENT = 16;

export interface HostAddressing {
  seed: number;
  /** Agent index, and the number of agents (sizes the id range). */
  index: number;
  agentCount: number;
  site: number;
  osKey: OsKey;
  machineType: string;
  variation: AgentVariation;
  /** First three bytes of the primary MAC (the maker's OUI). */
  oui: string;
}

type Interface = Omit<WireNetworkInterface, 'id'>;

/** `prefix` (whole bytes, e.g. '00:50:56') followed by the low bytes of `n`. */
export function macAddress(prefix: string, n: number): string {
  let out = prefix;
  for (let b = 5 - (prefix.length + 1) / 3; b >= 0; b--) {
    out += `:${hex2((n >>> (8 * b)) & 255)}`;
  }
  return out;
}

/** The `nth` MAC of the host's maker (its OUI), distinct per agent and seed. */
function makerMac(host: HostAddressing, nth: number): string {
  const mix = hash32(host.seed, 'mac') & 0xffffff;
  return macAddress(host.oui, (host.index * 4 + nth + mix) & 0xffffff);
}

function ipv4(host: HostAddressing): string {
  const i = host.index;
  return `10.${16 + (host.site % 200)}.${(i >>> 8) & 255}.${i & 255}`;
}

/**
 * A global unicast address under a real provider's prefix (AWS us-east-1's
 * 2600:1f18::/32): consoles never send the documentation range 2001:db8::/32,
 * which is reserved and so identifies no device. Written as the OS prints it
 * (RFC 5952): the groups before `::1` are never zero (the index is split
 * 17/15 bits, so that adding 1 still fits a group), so nothing else could be
 * compressed.
 */
function globalIpv6(host: HostAddressing): string {
  const i = host.index;
  const group = (n: number) => n.toString(16);
  return `2600:1f18:${group(host.site + 1)}:${group((i >>> 15) + 1)}:${group(
    (i & 0x7fff) + 1,
  )}::1`;
}

function linkLocal(r: Random): string {
  return `fe80::${r.hex(4)}:${r.hex(4)}:${r.hex(4)}:${r.hex(4)}`;
}

function primaryName(host: HostAddressing): string {
  const cloud = host.variation.host === 'cloud';
  if (host.osKey === 'windows') return cloud ? 'Ethernet 2' : 'Ethernet';
  if (host.osKey === 'macos') return 'en0';
  return cloud ? 'ens5' : 'eth0';
}

/** The address a host is reached at (`lastIpToMgmt`). */
export function managementAddress(host: HostAddressing): string {
  return host.variation.ipv6 === 'only' ? globalIpv6(host) : ipv4(host);
}

function primaryInterface(host: HostAddressing, r: Random): Interface {
  const v6 = host.variation.ipv6;
  const subnet = ipv4(host).replace(/\.\d+$/, '');
  // EC2 gives every ENI a locally administered MAC (second bit of byte 0).
  const physical =
    host.variation.host === 'cloud'
      ? macAddress(`06:${r.hex(2)}:${r.hex(2)}`, hash32(host.seed, host.index))
      : makerMac(host, 0);
  return {
    name: primaryName(host),
    inet: v6 === 'only' ? [] : [ipv4(host)],
    inet6:
      v6 === 'linkLocal' ? [linkLocal(r)] : [globalIpv6(host), linkLocal(r)],
    physical,
    gatewayIp: v6 === 'only' ? 'fe80::1' : `${subnet}.1`,
    gatewayMacAddress: macAddress('00:1a:1e', 0xfff000 + (host.site % 4096)),
  };
}

function bare(name: string, physical: string, inet: string[] = []): Interface {
  return {
    name,
    inet,
    inet6: [],
    physical,
    gatewayIp: null,
    gatewayMacAddress: null,
  };
}

const LOOPBACK: Interface = {
  ...bare('lo', '00:00:00:00:00:00', ['127.0.0.1']),
  inet6: ['::1'],
};

/** docker0 and a compose network's bridge (with addresses), then veth pairs. */
function dockerInterfaces(r: Random): Interface[] {
  const out = [
    bare('docker0', `02:42:${r.hex(2)}:${r.hex(2)}:${r.hex(2)}:${r.hex(2)}`, [
      '172.17.0.1',
    ]),
    bare(
      `br-${r.hex(12)}`,
      `02:42:${r.hex(2)}:${r.hex(2)}:${r.hex(2)}:${r.hex(2)}`,
      ['172.18.0.1'],
    ),
  ];
  const veths = r.int(2, 6);
  for (let k = 0; k < veths; k++) {
    out.push({
      ...bare(
        `veth${r.hex(7)}`,
        `${r.pick(['2a', '3e', '6e', 'ae', 'ba'])}:${r.hex(2)}:${r.hex(
          2,
        )}:${r.hex(2)}:${r.hex(2)}:${r.hex(2)}`,
      ),
      inet6: [linkLocal(r)],
    });
  }
  return out;
}

function hypervisorInterface(host: HostAddressing, r: Random): Interface {
  if (host.osKey === 'windows') {
    return bare(
      'vEthernet (Default Switch)',
      `00:15:5d:${r.hex(2)}:${r.hex(2)}:${r.hex(2)}`,
      [`172.${r.int(16, 31)}.${r.int(0, 255)}.1`],
    );
  }
  if (host.osKey === 'macos') {
    return bare('vmnet1', '00:50:56:c0:00:01', [`172.16.${r.int(0, 255)}.1`]);
  }
  return bare('virbr0', `52:54:00:${r.hex(2)}:${r.hex(2)}:${r.hex(2)}`, [
    '192.168.122.1',
  ]);
}

/** The interfaces every host has besides its kind's own (pre-existing shapes). */
function commonExtras(host: HostAddressing, primary: Interface, r: Random) {
  const extras: Interface[] = [];
  const i = host.index;
  if (i % 10 === 3) {
    // A bridge / virtual switch that shares the primary MAC address.
    const name =
      host.osKey === 'windows'
        ? 'vEthernet (Default Switch)'
        : host.osKey === 'macos'
        ? 'bridge0'
        : 'br0';
    extras.push(
      bare(name, primary.physical!, [`172.17.${(i >>> 8) & 255}.${i & 255}`]),
    );
  } else if (host.machineType === 'laptop' && r.chance(0.5)) {
    const name = host.osKey === 'windows' ? 'Wi-Fi' : 'en1';
    extras.push(bare(name, makerMac(host, 1)));
  }
  if (host.osKey === 'windows' && i % 10 === 7) {
    extras.push({
      ...bare('Loopback Pseudo-Interface 1', '00:00:00:00:00:00', [
        '127.0.0.1',
      ]),
      inet6: ['::1'],
    });
  }
  return extras;
}

export function networkInterfaces(
  host: HostAddressing,
): WireNetworkInterface[] {
  const r = new Random(host.seed, hash32('agent-network', host.index));
  const primary = primaryInterface(host, r);
  const kind = host.variation.host;
  const before: Interface[] = kind === 'docker' ? dockerInterfaces(r) : [];
  const after: Interface[] =
    kind === 'hypervisor' ? [hypervisorInterface(host, r)] : [];
  // Docker's bridges come first, as agents on docker hosts report them.
  const list = [
    ...before,
    ...(host.osKey === 'linux' ? [LOOPBACK] : []),
    primary,
    ...after,
    ...commonExtras(host, primary, r),
  ];
  if (kind === 'hypervisor' && host.osKey === 'windows') {
    // Windows lists the Hyper-V switch before the physical adapter.
    list.unshift(list.splice(list.indexOf(after[0]), 1)[0]);
  }
  return list.map((iface, k) => ({
    id: makeId(
      host.seed,
      ID_TYPES.misc,
      host.index * INTERFACES_PER_AGENT + k,
      host.agentCount * INTERFACES_PER_AGENT + 1,
      MISC_ID_RANGES.networkInterface,
    ),
    ...iface,
  }));
}
