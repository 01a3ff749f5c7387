import { deviceModel, isGenericHostname } from './device';

describe('isGenericHostname', () => {
  test.each([
    'localhost',
    'localhost.localdomain',
    'LOCALHOST.LOCALDOMAIN',
    'localhost6.localdomain6',
    'localhost.local',
    'ip6-localhost',
    'ubuntu',
    'raspberrypi.lan',
  ])('%p is shared by many machines', (hostname) => {
    expect(isGenericHostname(hostname)).toBe(true);
  });

  test.each([
    'FIN-LT-0042',
    'ip-10-0-1-17.ec2.internal',
    'localhost-build-7',
    'ubuntu-web-01',
    'Janes-MacBook-Pro.local',
  ])('%p is not', (hostname) => {
    expect(isGenericHostname(hostname)).toBe(false);
  });
});

describe('deviceModel', () => {
  test.each([
    ['Dell Inc. - Latitude 3520', 'windows', 'Dell Inc.', 'Latitude 3520'],
    ['Amazon EC2 - t3.medium', 'linux', 'Amazon EC2', 't3.medium'],
    [
      'VMware, Inc. - VMware Virtual Platform',
      'linux',
      'VMware, Inc.',
      'VMware Virtual Platform',
    ],
    ['LENOVO - 20XW004GUS', 'windows', 'LENOVO', '20XW004GUS'],
    [
      'HP - HP EliteBook 840 G8 - 2021',
      'windows',
      'HP',
      'HP EliteBook 840 G8 - 2021',
    ],
    ['Virtual Machine', 'windows', undefined, 'Virtual Machine'],
    [
      'System manufacturer - System Product Name',
      'windows',
      undefined,
      undefined,
    ],
    ['MacBookPro18,1', 'macos', 'Apple', 'MacBookPro18,1'],
    [null, 'macos', 'Apple', undefined],
    ['', 'windows', undefined, undefined],
    [null, undefined, undefined, undefined],
  ])('%p on %p -> make %p, model %p', (modelName, osType, make, model) => {
    expect(deviceModel(modelName, osType)).toEqual({ make, model });
  });
});
