/**
 * Real-world variations: present in realistic proportions, counted exactly in
 * `totals.variations`, and absent when `variations: false`.
 */
import { estateTotals, EstateAgent, generateEstate } from './index';

const estate = generateEstate({
  seed: 21,
  sites: 3,
  groups: 9,
  agents: 1000,
  threats: 80,
  applications: 8,
});
const { variations } = estateTotals(estate);
const agents = estate.agents;

const names = (a: EstateAgent) =>
  (a.networkInterfaces ?? []).map((n) => n.name!);
const count = (test: (a: EstateAgent) => boolean) => agents.filter(test).length;
const locallyAdministered = (mac: string) =>
  (parseInt(mac.slice(0, 2), 16) & 2) === 2;

test('docker hosts list docker0, br-… and veth… interfaces first, bridge addresses first', () => {
  const docker = agents.filter((a) => names(a).includes('docker0'));
  expect(docker).toHaveLength(variations.dockerHosts);
  expect(docker.length).toBeGreaterThan(10);
  for (const agent of docker) {
    const [docker0, bridge, ...rest] = agent.networkInterfaces!;
    expect(docker0).toMatchObject({ name: 'docker0', inet: ['172.17.0.1'] });
    expect(bridge.name).toMatch(/^br-[0-9a-f]{12}$/);
    expect(bridge.inet).toEqual(['172.18.0.1']);
    expect(
      rest.filter((n) => /^veth[0-9a-f]{7}$/.test(n.name!)).length,
    ).toBeGreaterThanOrEqual(2);
  }
  expect(count((a) => a.computerName === 'localhost.localdomain')).toBe(
    variations.genericHostnames,
  );
  expect(variations.genericHostnames).toBeGreaterThan(0);
});

test('hypervisor hosts carry virbr0, vmnet1 or a Hyper-V vEthernet (Default Switch)', () => {
  // Hyper-V's switch has Microsoft's 00:15:5d prefix; the older shared-MAC
  // bridge of the same name (every tenth agent) repeats the primary MAC.
  const hypervisor = agents.filter((a) =>
    a.networkInterfaces!.some(
      (n) =>
        n.name === 'virbr0' ||
        n.name === 'vmnet1' ||
        (n.name === 'vEthernet (Default Switch)' &&
          n.physical!.startsWith('00:15:5d')),
    ),
  );
  expect(hypervisor).toHaveLength(variations.hypervisorHosts);
  expect(hypervisor.length).toBeGreaterThan(5);
  for (const agent of hypervisor.filter((a) => a.osType === 'windows')) {
    expect(agent.networkInterfaces![0].name).toBe('vEthernet (Default Switch)');
  }
});

test('cloud instances: "Amazon EC2 - size", a locally administered MAC, cloudProviders.AWS', () => {
  const cloud = agents.filter((a) => a.cloudProviders);
  expect(cloud).toHaveLength(variations.cloudInstances);
  expect(cloud.length).toBeGreaterThan(20);
  for (const agent of cloud) {
    const aws = agent.cloudProviders!.AWS;
    expect(agent.modelName).toBe(`Amazon EC2 - ${aws.cloudInstanceSize}`);
    expect(aws.cloudInstanceId).toMatch(/^i-0[0-9a-f]{16}$/);
    expect(aws.cloudLocation).toMatch(/^[a-z]{2}-[a-z]+-\d[a-z]$/);
    const primary = agent.networkInterfaces!.find((n) => n.gatewayIp)!;
    expect(locallyAdministered(primary.physical!)).toBe(true);
    if (agent.osType === 'windows') expect(primary.name).toBe('Ethernet 2');
  }
});

test('modelName is "Make - Model" except Apple model identifiers on macOS', () => {
  for (const agent of agents) {
    if (agent.osType === 'macos')
      expect(agent.modelName).toMatch(
        /^(MacBookPro|MacBookAir|Mac|iMac)\d+,\d+$/,
      );
    else expect(agent.modelName).toMatch(/^[^-]+ - .+$/);
  }
  expect(agents.map((a) => a.modelName)).toContain('Dell Inc. - Latitude 3520');
});

test('IPv6: global and link-local addresses, and a few IPv6-only hosts', () => {
  const primary = (a: EstateAgent) =>
    a.networkInterfaces!.find((n) => n.gatewayIp)!;
  const global = (a: EstateAgent) =>
    primary(a).inet6!.some((ip) => !ip.startsWith('fe80:'));
  const only = agents.filter((a) => primary(a).inet!.length === 0);
  expect(only).toHaveLength(variations.ipv6OnlyAgents);
  expect(only.length).toBeGreaterThan(0);
  for (const agent of only) {
    expect(global(agent)).toBe(true);
    expect(agent.lastIpToMgmt).toContain(':');
  }
  expect(count(global)).toBe(
    variations.ipv6GlobalAgents + variations.ipv6OnlyAgents,
  );
  for (const agent of agents)
    expect(primary(agent).inet6!.some((ip) => ip.startsWith('fe80::'))).toBe(
      true,
    );
});

test('string booleans, blank strings, dates without a fraction, domain "unknown"', () => {
  expect(count((a) => typeof a.firewallEnabled === 'string')).toBe(
    variations.stringBooleanAgents,
  );
  expect(count((a) => typeof a.isUpToDate === 'string')).toBe(
    variations.stringBooleanAgents,
  );
  expect(variations.stringBooleanAgents).toBeGreaterThan(50);
  expect(count((a) => a.lastLoggedInUserName === '')).toBe(
    variations.blankLastLoggedInUserNames,
  );
  expect(count((a) => /:\d\dZ$/.test(a.createdAt!))).toBe(
    variations.wholeSecondDateAgents,
  );
  expect(count((a) => a.domain === 'unknown')).toBe(
    variations.unknownDomainAgents,
  );
  expect(agents.every((a) => a.externalId === '')).toBe(true);
  expect(
    estate.threats.filter((t) => t.threatInfo!.publisherName === ''),
  ).toHaveLength(variations.blankPublisherNameThreats);
});

test('domain-joined Windows agents carry their Active Directory names', () => {
  const joined = agents.filter((a) => a.activeDirectory);
  expect(joined).toHaveLength(variations.activeDirectoryAgents);
  expect(joined.length).toBeGreaterThan(200);
  for (const agent of joined) {
    expect(agent.osType).toBe('windows');
    expect(agent.domain).toBe('ACME');
    const ad = agent.activeDirectory!;
    expect(ad.computerDistinguishedName).toMatch(
      new RegExp(`^CN=${agent.computerName},OU=`),
    );
    expect(ad.lastUserDistinguishedName).toMatch(
      /^CN=[A-Z][a-z]+ [A-Z][a-z]+,OU=Users,/,
    );
    expect(ad.computerMemberOf!.length).toBeGreaterThan(0);
    expect(ad.userPrincipalName).toMatch(/^[a-z]+@acme\.corp$/);
  }
});

test('CVE rows: about one in ten Removed, the others Detected', () => {
  const removed = estate.risks.filter((r) => r.record.status === 'Removed');
  expect(removed).toHaveLength(variations.removedRisks);
  expect(removed.length).toBeGreaterThan(0);
  expect(
    estate.risks.every((r) =>
      ['Detected', 'Removed'].includes(r.record.status!),
    ),
  ).toBe(true);
});

test('variations: false serves agents as the specification declares them', () => {
  const plain = generateEstate({
    seed: 21,
    sites: 3,
    groups: 9,
    agents: 300,
    variations: false,
  });
  const counts = estateTotals(plain).variations;
  expect({ ...counts, blankPublisherNameThreats: 0, removedRisks: 0 }).toEqual(
    Object.fromEntries(Object.keys(counts).map((k) => [k, 0])),
  );
  for (const agent of plain.agents) {
    expect(typeof agent.firewallEnabled).toBe('boolean');
    expect(agent.cloudProviders).toBeUndefined();
    expect(names(agent)).not.toContain('docker0');
  }
});
