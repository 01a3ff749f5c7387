import { isIPv4, isIPv6 } from 'net';

import ipaddr from 'ipaddr.js';

import { toText } from './values';

/**
 * Network interfaces as identity: which addresses say something about the
 * device, and which interfaces are virtual (containers, hypervisors, VPN
 * tunnels, Apple's peer-to-peer links) and say nothing about it.
 */

/**
 * Names of virtual interfaces: their MACs are made up by software (and change
 * at every container restart), their addresses are the same on every host
 * (`docker0` is 172.17.0.1 everywhere). Matched at the start of the name, case
 * insensitive: docker bridges and veth pairs, libvirt, Hyper-V (`vEthernet
 * (...)`), VMware and VirtualBox host networks, TAP/TUN and macOS `utun`
 * tunnels, AWDL and low-latency WLAN (`awdl0`, `llw0`), Kubernetes CNI
 * plugins, LXC/LXD and Podman bridges, WireGuard, Tailscale and ZeroTier.
 *
 * Not excluded: interfaces with a locally administered MAC (a cloud
 * instance's primary interface has one, e.g. EC2's `06:35:e6:…`), and `br0`
 * style host bridges, which carry the host's own address.
 */
const VIRTUAL_INTERFACE_NAME =
  /^(?:docker|veth|br-|virbr|vethernet|vmnet|vmware network adapter|vboxnet|virtualbox host-only|tap|tun|utun|awdl|llw|cni|flannel|cali|cilium|kube-|weave|lxcbr|lxdbr|podman|wg\d|tailscale|zt)/i;

export function isVirtualInterface(name: unknown): boolean {
  const text = toText(name);
  return text !== undefined && VIRTUAL_INTERFACE_NAME.test(text);
}

const NULL_MAC_ADDRESS = '00:00:00:00:00:00';
const DASHES = /-/g;

/**
 * A MAC address lower case and `:` separated (Windows sends `A4-BB-6D-…`);
 * `undefined` for a blank or all-zero one.
 */
export function toMacAddress(value: unknown): string | undefined {
  const text = toText(value);
  if (text === undefined) {
    return undefined;
  }
  const lower = text.toLowerCase();
  const mac = lower.includes('-') ? lower.replace(DASHES, ':') : lower;
  return mac === NULL_MAC_ADDRESS ? undefined : mac;
}

/**
 * Ranges (as ipaddr.js names them) whose addresses identify a device: public
 * and private IPv4; global IPv6. Loopback, link-local (169.254/16,
 * fe80::/10), unspecified, multicast, carrier-grade NAT and the other special
 * ranges do not.
 */
const IDENTIFYING_IPV4_RANGES: ReadonlySet<string> = new Set([
  'unicast',
  'private',
]);
const IDENTIFYING_IPV6_RANGES: ReadonlySet<string> = new Set(['unicast']);

/**
 * Whether an address (valid, of the family given) identifies a device: see
 * {@link IDENTIFYING_IPV4_RANGES}.
 */
function isIdentifyingAddress(address: string, family: 4 | 6): boolean {
  return family === 4
    ? IDENTIFYING_IPV4_RANGES.has(ipaddr.IPv4.parse(address).range())
    : IDENTIFYING_IPV6_RANGES.has(ipaddr.IPv6.parse(address).range());
}

/**
 * Classifying an address with ipaddr.js costs about a microsecond (IPv4) to
 * several (IPv6), a good part of an agent's conversion. But every special
 * range is at least a /24 (IPv4; the one /32, broadcast, lies in a reserved
 * /4) or, within global unicast 2000::/3, a /48 (IPv6): an address's
 * classification is its /24's or /48's, and an estate has far fewer of these
 * than addresses. Remembered by prefix text, up to this many.
 */
const MAX_REMEMBERED_PREFIXES = 65_536;
const identifyingByPrefix = new Map<string, boolean>();

/**
 * The text of the address's /24 (`10.1.2`) or, for an IPv6 address in
 * 2000::/3 whose first three groups are written in full, its /48
 * (`2001:db8:1`); `undefined` when there is none to remember it by.
 */
export function classificationPrefix(
  address: string,
  family: 4 | 6,
): string | undefined {
  if (family === 4) {
    return address.slice(0, address.lastIndexOf('.'));
  }
  const first = address.charCodeAt(0);
  if ((first !== 50 && first !== 51) || address.charCodeAt(4) !== 58) {
    return undefined; // not 2xxx: or 3xxx: (2000::/3 in full)
  }
  const second = address.indexOf(':', 5);
  const third = second < 0 ? -1 : address.indexOf(':', second + 1);
  // `::` within the first three groups compresses them: no /48 to read.
  return second > 5 && third > second + 1 ? address.slice(0, third) : undefined;
}

function identifies(address: string, family: 4 | 6): boolean {
  const prefix = classificationPrefix(address, family);
  if (prefix === undefined) {
    return isIdentifyingAddress(address, family);
  }
  let identifying = identifyingByPrefix.get(prefix);
  if (identifying === undefined) {
    if (identifyingByPrefix.size >= MAX_REMEMBERED_PREFIXES) {
      identifyingByPrefix.clear();
    }
    identifying = isIdentifyingAddress(address, family);
    identifyingByPrefix.set(prefix, identifying);
  }
  return identifying;
}

/**
 * 4 or 6 when the address (trimmed; IPv6 lower case) identifies a device (see
 * {@link IDENTIFYING_IPV4_RANGES}); 0 for any other address and for text that
 * is not an address. Node's `isIPv4` and `isIPv6` tell valid addresses: IPv4
 * as they accept it is canonical already (dotted decimal, no leading zeros).
 */
export function identifyingAddressFamily(address: string): 0 | 4 | 6 {
  if (isIPv4(address)) {
    return identifies(address, 4) ? 4 : 0;
  }
  if (IPV6_LINK_LOCAL_PREFIX.test(address) || !isIPv6(address)) {
    return 0;
  }
  return identifies(address, 6) ? 6 : 0;
}

/**
 * Most `inet6` entries are link-local (`fe80::…`): recognised from their
 * first group before anything else.
 */
const IPV6_LINK_LOCAL_PREFIX = /^fe[89ab][0-9a-f]:/i;

/** An interface as the agent reports it (`networkInterfaces[]`). */
export interface NetworkInterfaceRecord {
  name?: unknown;
  physical?: unknown;
  inet?: unknown;
  inet6?: unknown;
}

/** What a device's interfaces say about it, each list de-duplicated. */
export interface NetworkIdentity {
  /** MACs of its non-virtual interfaces. */
  macAddresses: string[];
  /** Identifying IPv4 addresses, the management address first. */
  ipv4Addresses: string[];
  /** Identifying (global) IPv6 addresses, the management address first. */
  ipv6Addresses: string[];
}

/**
 * The identity of a device from its interfaces: virtual interfaces (by name,
 * see {@link VIRTUAL_INTERFACE_NAME}) are left out entirely; addresses are
 * kept when they identify a device (see {@link IDENTIFYING_IPV4_RANGES}), in
 * canonical form.
 *
 * @param managementAddress the address the agent last used to reach the
 *   console: put first in its list when it identifies the device and is not
 *   the address of a virtual interface (a VPN tunnel, a docker bridge)
 */
export function networkIdentity(
  interfaces: readonly (NetworkInterfaceRecord | null)[] | null | undefined,
  managementAddress?: unknown,
): NetworkIdentity {
  const identity: NetworkIdentity = {
    macAddresses: [],
    ipv4Addresses: [],
    ipv6Addresses: [],
  };
  const management = toText(managementAddress);
  let managementIsVirtual = false;
  for (const networkInterface of interfaces ?? []) {
    if (!networkInterface) continue;
    if (isVirtualInterface(networkInterface.name)) {
      managementIsVirtual ||=
        management !== undefined &&
        (includesText(networkInterface.inet, management) ||
          includesText(networkInterface.inet6, management));
      continue;
    }
    addUnique(identity.macAddresses, toMacAddress(networkInterface.physical));
    addAddresses(identity, networkInterface.inet);
    addAddresses(identity, networkInterface.inet6);
  }
  if (management !== undefined && !managementIsVirtual) {
    addAddress(identity, management, true);
  }
  return identity;
}

function addUnique(list: string[], value: string | undefined): void {
  if (value !== undefined && !list.includes(value)) {
    list.push(value);
  }
}

function includesText(values: unknown, text: string): boolean {
  return Array.isArray(values) && values.includes(text);
}

function addAddresses(identity: NetworkIdentity, addresses: unknown): void {
  if (!Array.isArray(addresses)) return;
  for (const address of addresses) {
    addAddress(identity, address, false);
  }
}

/**
 * Adds the address to its family's list when it identifies the device. IPv6
 * is kept lower case: agents report it compressed, as the OS prints it.
 */
function addAddress(
  identity: NetworkIdentity,
  value: unknown,
  first: boolean,
): void {
  const text = toText(value);
  if (text === undefined) return;
  const address = text.includes(':') ? text.toLowerCase() : text;
  const family = identifyingAddressFamily(address);
  if (family === 0) return;
  const list = family === 4 ? identity.ipv4Addresses : identity.ipv6Addresses;
  const index = list.indexOf(address);
  if (first && index !== 0) {
    if (index > 0) list.splice(index, 1);
    list.unshift(address);
  } else if (index < 0) {
    list.push(address);
  }
}
