import ipaddr from 'ipaddr.js';

import {
  classificationPrefix,
  isVirtualInterface,
  networkIdentity,
  identifyingAddressFamily,
  toMacAddress,
} from './network';

describe('isVirtualInterface', () => {
  test.each([
    'docker0',
    'br-5f0c2a1b9e3d',
    'veth3a1b2c9',
    'virbr0',
    'virbr0-nic',
    'vEthernet (Default Switch)',
    'vEthernet (WSL)',
    'vmnet8',
    'VMware Network Adapter VMnet1',
    'vboxnet0',
    'VirtualBox Host-Only Network',
    'tap0',
    'tun0',
    'utun3',
    'awdl0',
    'llw0',
    'cni0',
    'flannel.1',
    'cali8a2f3c1d9e0',
    'kube-ipvs0',
    'lxcbr0',
    'podman0',
    'wg0',
    'tailscale0',
  ])('%p is virtual', (name) => {
    expect(isVirtualInterface(name)).toBe(true);
  });

  test.each([
    'eth0',
    'ens192',
    'enp0s31f6',
    'en0',
    'Ethernet',
    'Ethernet 2',
    'Wi-Fi',
    'wlan0',
    'br0',
    'bond0',
    'Local Area Connection',
    '',
    null,
  ])('%p is not', (name) => {
    expect(isVirtualInterface(name)).toBe(false);
  });
});

describe('toMacAddress', () => {
  test('lower case, colon separated; blank and all-zero are none', () => {
    expect(toMacAddress('A4-BB-6D-12-34-56')).toBe('a4:bb:6d:12:34:56');
    expect(toMacAddress('06:35:E6:4B:7C:21')).toBe('06:35:e6:4b:7c:21');
    expect(toMacAddress('00:00:00:00:00:00')).toBeUndefined();
    expect(toMacAddress('')).toBeUndefined();
    expect(toMacAddress(null)).toBeUndefined();
  });
});

describe('identifyingAddressFamily', () => {
  test.each([
    ['10.32.0.165', 4],
    ['172.31.18.44', 4],
    ['192.168.1.23', 4],
    ['203.0.114.7', 4],
    ['2600:1f18:61a:4f00::1e0f', 6],
    ['2a02:1210:5c0b:8f00:1c2b:3a4d:5e6f:7a8b', 6],
  ])('%p identifies a device', (address, family) => {
    expect(identifyingAddressFamily(address)).toBe(family);
  });

  test.each([
    '127.0.0.1',
    '0.0.0.0',
    '169.254.12.1',
    '224.0.0.251',
    '255.255.255.255',
    '100.64.0.1',
    '::1',
    '::',
    'fe80::1c2b:3a4d:5e6f:7a8b',
    'fe80::1%12',
    'febf::1',
    'ff02::1',
    'fd12:3456:789a::1',
    '::ffff:10.1.2.3',
    '2001:db8::1',
    '999.1.1.1',
    '010.1.1.1',
    '10.1',
    '2600:1f18:61a:4f00::1e0f::1',
    'not an address',
    '',
  ])('%p does not', (address) => {
    expect(identifyingAddressFamily(address)).toBe(0);
  });

  test('gives each address its own answer, whatever was classified before', () => {
    // Classifications are remembered by prefix: mixed orders must not mix them.
    for (const [address, family] of [
      ['2001:db8:0:1::1', 0],
      ['2001:db9:0:1::1', 6],
      ['192.0.2.1', 0],
      ['192.0.3.1', 4],
      ['192.0.2.7', 0],
      ['2001:db9:0:2::1', 6],
    ] as const) {
      expect(identifyingAddressFamily(address)).toBe(family);
    }
  });
});

describe('classificationPrefix', () => {
  type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];
  type RangeTable = { SpecialRanges: Record<string, Range | Range[]> };

  /** The ranges ipaddr.js classifies addresses by, one row per network. */
  function specialRanges(kind: typeof ipaddr.IPv4 | typeof ipaddr.IPv6) {
    const table = (kind.prototype as unknown as RangeTable).SpecialRanges;
    return Object.entries(table).flatMap(([name, ranges]) => {
      const list = Array.isArray(ranges[0])
        ? (ranges as Range[])
        : [ranges as Range];
      return list.map(([network, bits]) => ({ name, network, bits }));
    });
  }

  test("ipaddr.js's IPv4 ranges are /24 or wider, but broadcast inside reserved 240/4", () => {
    const narrower = specialRanges(ipaddr.IPv4).filter(({ bits }) => bits > 24);
    expect(narrower.map(({ name }) => name)).toEqual(['broadcast']);
    expect(ipaddr.IPv4.parse('255.255.255.1').range()).toBe('reserved');
  });

  test("ipaddr.js's IPv6 ranges narrower than /48 all lie outside 2000::/3", () => {
    const global = ipaddr.IPv6.parse('2000::');
    for (const { network, bits } of specialRanges(ipaddr.IPv6)) {
      if (bits > 48) {
        expect((network as ipaddr.IPv6).match(global, 3)).toBe(false);
      }
    }
  });

  test('is the /24 of an IPv4 address and the /48 of a global IPv6 written in full', () => {
    expect(classificationPrefix('10.32.0.165', 4)).toBe('10.32.0');
    expect(classificationPrefix('2600:1f18:61a:4f00::1e0f', 6)).toBe(
      '2600:1f18:61a',
    );
    expect(classificationPrefix('2600:1f18::1', 6)).toBeUndefined();
    expect(classificationPrefix('2600::1', 6)).toBeUndefined();
    expect(classificationPrefix('fd12:3456:789a::1', 6)).toBeUndefined();
    expect(classificationPrefix('200:1:2:3::1', 6)).toBeUndefined();
  });
});

describe('networkIdentity', () => {
  test('keeps physical interfaces, the management address first', () => {
    expect(
      networkIdentity(
        [
          {
            name: 'Wi-Fi',
            inet: ['192.168.1.23', '127.0.0.1'],
            inet6: ['fe80::1', ' 2A02:1210:5C0B:8F00::7A8B'],
            physical: 'A4-BB-6D-12-34-56',
          },
          {
            name: 'Ethernet',
            inet: ['10.20.30.40'],
            physical: 'a4:bb:6d:12:34:57',
          },
          { name: 'Bluetooth', inet: [], physical: 'a4:bb:6d:12:34:56' },
          null,
        ],
        '10.20.30.40',
      ),
    ).toEqual({
      macAddresses: ['a4:bb:6d:12:34:56', 'a4:bb:6d:12:34:57'],
      ipv4Addresses: ['10.20.30.40', '192.168.1.23'],
      ipv6Addresses: ['2a02:1210:5c0b:8f00::7a8b'],
    });
  });

  test('a management address on no interface still comes first', () => {
    expect(
      networkIdentity([{ name: 'eth0', inet: ['10.0.0.5'] }], '10.0.0.9')
        .ipv4Addresses,
    ).toEqual(['10.0.0.9', '10.0.0.5']);
  });

  test('a management address on a virtual interface (a VPN tunnel) is left out', () => {
    expect(
      networkIdentity(
        [
          {
            name: 'en0',
            inet: ['192.168.1.23'],
            physical: 'a4:83:e7:00:00:01',
          },
          { name: 'utun4', inet: ['10.8.0.6'] },
        ],
        '10.8.0.6',
      ),
    ).toEqual({
      macAddresses: ['a4:83:e7:00:00:01'],
      ipv4Addresses: ['192.168.1.23'],
      ipv6Addresses: [],
    });
  });

  test('tolerates no interfaces and malformed lists', () => {
    expect(networkIdentity(null, null)).toEqual({
      macAddresses: [],
      ipv4Addresses: [],
      ipv6Addresses: [],
    });
    expect(
      networkIdentity([{ name: 'eth0', inet: '10.0.0.5', inet6: null }]),
    ).toEqual({ macAddresses: [], ipv4Addresses: [], ipv6Addresses: [] });
  });
});
