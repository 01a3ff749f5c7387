/** The names, operating systems and applications estates are made of. */
import { WireAgent } from '../wire';

export const ACCOUNT_NAMES = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark Industries',
  'Wayne Enterprises',
  'Cyberdyne',
  'Soylent',
  'Tyrell',
];
export const SITE_REGIONS = [
  'HQ',
  'EMEA',
  'APAC',
  'US East',
  'US West',
  'LATAM',
  'Canada',
  'Nordics',
  'DACH',
  'UK',
];
export const GROUP_NAMES = [
  'Workstations',
  'Servers',
  'Laptops',
  'Finance',
  'Engineering',
  'Sales',
  'Kubernetes Nodes',
  'Executives',
  'Contractors',
  'Lab',
];
export const FIRST_NAMES = [
  'james',
  'mary',
  'robert',
  'patricia',
  'john',
  'jennifer',
  'michael',
  'linda',
  'david',
  'elizabeth',
  'wei',
  'aisha',
  'carlos',
  'yuki',
  'olga',
  'priya',
];
export const LAST_NAMES = [
  'smith',
  'johnson',
  'garcia',
  'miller',
  'davis',
  'martinez',
  'chen',
  'khan',
  'nguyen',
  'kowalski',
  'okafor',
  'schmidt',
];
export const TAG_PAIRS: [string, string][] = [
  ['env', 'production'],
  ['env', 'staging'],
  ['owner', 'it-ops'],
  ['owner', 'platform-team'],
  ['criticality', 'high'],
  ['compliance', 'pci'],
];

export type OsKey = 'windows' | 'macos' | 'linux';

export interface OsProfile {
  osType: OsKey;
  osNames: string[];
  revisions: string[];
  versions: string[]; // index 0 = latest
  installer: NonNullable<WireAgent['installerType']>[];
}
export const OS_PROFILES: Record<OsKey, OsProfile> = {
  windows: {
    osType: 'windows',
    osNames: [
      'Windows 10 Pro',
      'Windows 11 Enterprise',
      'Windows 11 Pro',
      'Windows Server 2019 Standard',
      'Windows Server 2022 Datacenter',
    ],
    revisions: ['19045', '22631', '22621', '17763', '20348'],
    versions: ['23.4.2.14', '23.3.3.264', '23.2.3.358', '22.3.5.887'],
    installer: ['.msi', '.exe'],
  },
  macos: {
    osType: 'macos',
    osNames: ['macOS'],
    revisions: ['14.4.1 (23E224)', '13.6.6 (22G630)', '14.3 (23D56)'],
    versions: ['23.4.1.7160', '23.3.2.7126', '23.1.2.6860'],
    installer: ['.pkg'],
  },
  linux: {
    osType: 'linux',
    osNames: ['Linux'],
    revisions: [
      'Ubuntu 22.04.4 LTS 5.15.0-105-generic',
      'Red Hat Enterprise Linux 8.9 4.18.0-513.18.1.el8_9.x86_64',
      'Amazon Linux 2 5.10.213-201.855.amzn2.x86_64',
    ],
    versions: ['23.4.2.4', '23.3.1.5', '22.4.2.2'],
    installer: ['.deb', '.rpm'],
  },
};

export interface CatalogEntry {
  name: string;
  vendor: string;
  popularity: number;
  versions: string[];
  folder: string;
}
export const APP_CATALOG: CatalogEntry[] = [
  {
    name: 'Google Chrome',
    vendor: 'Google LLC',
    popularity: 0.7,
    versions: ['124.0.6367.91', '123.0.6312.122', '122.0.6261.129'],
    folder: 'Google\\Chrome\\Application',
  },
  {
    name: 'Mozilla Firefox',
    vendor: 'Mozilla',
    popularity: 0.2,
    versions: ['125.0.3', '124.0.2', '115.10.0esr'],
    folder: 'Mozilla Firefox',
  },
  {
    name: 'Microsoft Edge',
    vendor: 'Microsoft Corporation',
    popularity: 0.3,
    versions: ['124.0.2478.80', '123.0.2420.97', '122.0.2365.92'],
    folder: 'Microsoft\\Edge\\Application',
  },
  {
    name: '7-Zip',
    vendor: 'Igor Pavlov',
    popularity: 0.2,
    versions: ['23.01', '22.01', '19.00'],
    folder: '7-Zip',
  },
  {
    name: 'Zoom',
    vendor: 'Zoom Video Communications, Inc.',
    popularity: 0.25,
    versions: ['5.17.11', '5.16.10', '5.15.7'],
    folder: 'Zoom\\bin',
  },
  {
    name: 'Slack',
    vendor: 'Slack Technologies Inc.',
    popularity: 0.2,
    versions: ['4.37.101', '4.36.140', '4.35.131'],
    folder: 'Slack',
  },
  {
    name: 'Adobe Acrobat Reader DC',
    vendor: 'Adobe Systems Incorporated',
    popularity: 0.2,
    versions: ['24.002.20687', '23.008.20533', '23.006.20380'],
    folder: 'Adobe\\Acrobat DC',
  },
  {
    name: 'Notepad++',
    vendor: 'Notepad++ Team',
    popularity: 0.1,
    versions: ['8.6.5', '8.5.8', '8.4.9'],
    folder: 'Notepad++',
  },
  {
    name: 'VLC media player',
    vendor: 'VideoLAN',
    popularity: 0.1,
    versions: ['3.0.20', '3.0.18', '3.0.16'],
    folder: 'VideoLAN\\VLC',
  },
  {
    name: 'OpenSSL',
    vendor: 'OpenSSL Software Foundation',
    popularity: 0.15,
    versions: ['3.0.13', '1.1.1w', '3.2.1'],
    folder: 'OpenSSL-Win64',
  },
  {
    name: 'Python',
    vendor: 'Python Software Foundation',
    popularity: 0.1,
    versions: ['3.12.3', '3.11.9', '3.10.11'],
    folder: 'Python312',
  },
  {
    name: 'Node.js',
    vendor: 'Node.js Foundation',
    popularity: 0.08,
    versions: ['20.12.2', '18.20.2', '16.20.2'],
    folder: 'nodejs',
  },
  {
    name: 'Java 8 Update 411',
    vendor: 'Oracle Corporation',
    popularity: 0.1,
    versions: ['8.0.4110.9', '8.0.4010.10', '8.0.3910.13'],
    folder: 'Java\\jre-1.8',
  },
  {
    name: 'Git',
    vendor: 'The Git Development Community',
    popularity: 0.1,
    versions: ['2.45.0', '2.44.0', '2.39.2'],
    folder: 'Git',
  },
  {
    name: 'Docker Desktop',
    vendor: 'Docker Inc.',
    popularity: 0.05,
    versions: ['4.29.0', '4.27.2', '4.25.0'],
    folder: 'Docker\\Docker',
  },
  {
    name: 'WinRAR',
    vendor: 'win.rar GmbH',
    popularity: 0.08,
    versions: ['7.00', '6.24', '6.02'],
    folder: 'WinRAR',
  },
];

export const CLASSIFICATIONS: [string, number][] = [
  ['Malware', 30],
  ['Trojan', 20],
  ['PUA', 15],
  ['Ransomware', 8],
  ['Infostealer', 8],
  ['Exploit', 5],
  ['Hacktool', 8],
  ['Generic.Heuristic', 6],
];
export const THREAT_FILES = [
  'invoice_2024.exe',
  'setup_crack.exe',
  'mimikatz.exe',
  'update.ps1',
  'payload.dll',
  'Document.pdf.exe',
  'svchost32.exe',
  'miner',
  'libcrypto_patch.so',
  'AdobeUpdater.app',
];
