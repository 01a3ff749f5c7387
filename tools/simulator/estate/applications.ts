/**
 * Application Management: the application catalog (vendor + name, versions,
 * CVEs), which agent has which version installed, and one risk row per
 * install of a vulnerable version and CVE. Installs and risks are compact
 * tables; their records are built on demand.
 */
import { hash32, hashUnit, parseIsoMicros, Random } from '../random';
import { APP_CATALOG } from './catalog';
import { DAY, EstateContext, HOUR, slug, wholeSecond } from './context';
import { AgentCore } from './hosts';
import { ID_TYPES, makeId } from './ids';
import {
  EstateApplication,
  EstateApplicationVersion,
  EstateCve,
  EstateInstall,
  EstateRisk,
  EstateSite,
  EstateGroup,
  EstateAccount,
  EstateCompact,
  RecordScope,
} from './types';

function severityOf(score: number): EstateCve['severity'] {
  if (score >= 9) return 'Critical';
  if (score >= 7) return 'High';
  if (score >= 4) return 'Medium';
  return 'Low';
}

function cvePool(
  ctx: EstateContext,
  r: Random,
  k: number,
  cveStride: number,
): EstateCve[] {
  const perVersion = ctx.options.cvesPerVulnerableVersion;
  const pool: EstateCve[] = [];
  for (let c = 0; c <= perVersion && perVersion > 0; c++) {
    const baseScore = Math.round((3 + r.float() * 6.9) * 10) / 10;
    pool.push({
      cveId: `CVE-${2020 + ((k + c) % 5)}-${10000 + k * cveStride + c}`,
      baseScore,
      severity: severityOf(baseScore),
      cvssVersion: '3.1',
      publishedDate: ctx.date(
        r,
        ctx.nowMs - r.int(30, 900) * DAY - r.int(0, DAY),
      ),
      exploitCodeMaturity: r.pick([
        'Unproven',
        'Proof of Concept',
        'Functional',
        'High',
        'Not Defined',
      ] as const),
      remediationLevel: r.pick([
        'Official Fix',
        'Temporary Fix',
        'Workaround',
        'Not Defined',
      ] as const),
      reportConfidence: r.pick(['Confirmed', 'Reasonable', 'Unknown'] as const),
    });
  }
  return pool;
}

export interface Catalog {
  applications: EstateApplication[];
  popularity: number[];
  folders: string[];
}

export function buildCatalog(ctx: EstateContext): Catalog {
  const r = ctx.rnd('applications');
  const perVersion = ctx.options.cvesPerVulnerableVersion;
  const cveStride = Math.max(50, perVersion + 2);
  const catalog: Catalog = { applications: [], popularity: [], folders: [] };
  for (let k = 0; k < ctx.options.applications; k++) {
    const entry = APP_CATALOG[k % APP_CATALOG.length];
    const round = Math.floor(k / APP_CATALOG.length);
    const versionCount = r.int(1, 3);
    const pool = cvePool(ctx, r, k, cveStride);
    const versions: EstateApplicationVersion[] = [];
    for (let v = 0; v < versionCount; v++) {
      const vulnerable = pool.length > 0 && r.chance(v === 0 ? 0.35 : 0.65);
      const cves: EstateCve[] = [];
      for (let c = 0; vulnerable && c < perVersion; c++) {
        cves.push(pool[(v + c) % pool.length]);
      }
      versions.push({ version: entry.versions[v], vulnerable, cves });
    }
    catalog.applications.push({
      name: round === 0 ? entry.name : `${entry.name} (${round + 1})`,
      vendor: entry.vendor,
      versions,
    });
    catalog.popularity.push(entry.popularity);
    catalog.folders.push(entry.folder);
  }
  return catalog;
}

export type InstallTables = Pick<
  EstateCompact,
  | 'installAgent'
  | 'installApplication'
  | 'installVersion'
  | 'riskInstall'
  | 'riskCve'
  | 'riskRemoved'
>;

/**
 * Every agent (decommissioned too) has a deterministic subset of the
 * applications, one version each; each install of a vulnerable version
 * yields one risk row per CVE of that version (about one in ten `Removed`).
 */
export function buildInstallTables(
  ctx: EstateContext,
  catalog: Catalog,
  agentVulnerable: Uint8Array,
): InstallTables {
  const A = catalog.applications.length;
  const lists = {
    agent: [] as number[],
    app: [] as number[],
    version: [] as number[],
    riskInstall: [] as number[],
    riskCve: [] as number[],
  };
  for (let i = 0; i < agentVulnerable.length && A > 0; i++) {
    for (let k = 0; k < A; k++) {
      const popular =
        hashUnit(ctx.seed, 'install', i, k) < catalog.popularity[k];
      if (k !== i % A && !popular) continue;
      const app = catalog.applications[k];
      const v = hash32(ctx.seed, 'version', i, k) % app.versions.length;
      const n = lists.agent.length;
      lists.agent.push(i);
      lists.app.push(k);
      lists.version.push(v);
      for (let c = 0; c < app.versions[v].cves.length; c++) {
        lists.riskInstall.push(n);
        lists.riskCve.push(c);
        agentVulnerable[i] = 1;
      }
    }
  }
  const riskRemoved = new Uint8Array(lists.riskInstall.length);
  for (let n = 0; n < riskRemoved.length; n++) {
    riskRemoved[n] = hashUnit(ctx.seed, 'risk-removed', n) < 0.1 ? 1 : 0;
  }
  return {
    installAgent: Int32Array.from(lists.agent),
    installApplication: Int32Array.from(lists.app),
    installVersion: Int32Array.from(lists.version),
    riskInstall: Int32Array.from(lists.riskInstall),
    riskCve: Int32Array.from(lists.riskCve),
    riskRemoved,
  };
}

export interface InstallSurroundings {
  accounts: EstateAccount[];
  sites: EstateSite[];
  groups: EstateGroup[];
  catalog: Catalog;
  tables: InstallTables;
  agentCore(i: number): AgentCore;
}

function scopeOf(around: InstallSurroundings, c: AgentCore): RecordScope {
  return {
    accountId: around.accounts[c.account].id,
    siteId: around.sites[c.site].id,
    groupId: around.groups[c.group].id,
    agentId: c.id,
  };
}

function installTiming(ctx: EstateContext, n: number, c: AgentCore) {
  const r = new Random(ctx.seed, hash32('install', n));
  const installedMs =
    c.createdMs +
    Math.floor(r.float() * Math.max(ctx.nowMs - c.createdMs, DAY) * 0.9);
  const detectedMs = Math.min(ctx.nowMs, installedMs + r.int(1, 48) * HOUR);
  return { r, installedMs, detectedMs };
}

function installPath(c: AgentCore, name: string, folder: string): string {
  if (c.osKey === 'windows') return `C:\\Program Files\\${folder}`;
  if (c.osKey === 'macos') return `/Applications/${name}.app`;
  return `/opt/${slug(name)}`;
}

export function buildInstall(
  ctx: EstateContext,
  around: InstallSurroundings,
  n: number,
): EstateInstall {
  const { tables, catalog } = around;
  const c = around.agentCore(tables.installAgent[n]);
  const k = tables.installApplication[n];
  const app = catalog.applications[k];
  const version = app.versions[tables.installVersion[n]];
  const { r, installedMs, detectedMs } = installTiming(ctx, n, c);
  const site = around.sites[c.site];
  const date = (ms: number) =>
    c.variation.wholeSecondDates
      ? wholeSecond(ctx.date(r, ms))
      : ctx.date(r, ms);
  return {
    record: {
      id: makeId(ctx.seed, ID_TYPES.install, n, tables.installAgent.length),
      endpointId: c.id,
      endpointUuid: c.uuid,
      endpointName: c.computerName,
      endpointType: c.machineType,
      version: version.version,
      applicationInstallationDate: date(installedMs),
      applicationInstallationPath: installPath(c, app.name, catalog.folders[k]),
      detectionDate: date(detectedMs),
      osType: c.osKey,
      osName: c.osName,
      osVersion: c.osRevision,
      siteName: site.name,
      groupName: around.groups[c.group].name,
      accountName: around.accounts[c.account].name,
    },
    applicationName: app.name,
    applicationVendor: app.vendor,
    applicationIndex: k,
    ...scopeOf(around, c),
  };
}

export function buildRisk(
  ctx: EstateContext,
  around: InstallSurroundings,
  n: number,
): EstateRisk {
  const { tables, catalog } = around;
  const installIndex = tables.riskInstall[n];
  const c = around.agentCore(tables.installAgent[installIndex]);
  const app = catalog.applications[tables.installApplication[installIndex]];
  const version = app.versions[tables.installVersion[installIndex]];
  const cve = version.cves[tables.riskCve[n]];
  const { detectedMs } = installTiming(ctx, installIndex, c);
  const r = new Random(ctx.seed, hash32('risk', n));
  const publishedMs = Math.floor(parseIsoMicros(cve.publishedDate) / 1000);
  const riskDetectedMs = Math.min(
    ctx.nowMs,
    Math.max(detectedMs, publishedMs + r.int(1, 72) * HOUR),
  );
  const lastScanMs = Math.max(riskDetectedMs, ctx.nowMs - r.int(1, 72) * HOUR);
  const mitigationRoll = r.float();
  const score = Math.round(cve.baseScore * 10 + r.int(-5, 5));
  return {
    record: {
      id: makeId(ctx.seed, ID_TYPES.risk, n, tables.riskInstall.length),
      cveId: cve.cveId,
      applicationName: app.name,
      applicationVendor: app.vendor,
      applicationVersion: version.version,
      endpointId: c.id,
      endpointName: c.computerName,
      endpointType: c.machineType,
      osType: c.osKey,
      severity: cve.severity,
      // The specification declares the scores as strings.
      baseScore: String(cve.baseScore),
      nvdBaseScore: String(cve.baseScore),
      cvssVersion: cve.cvssVersion,
      riskScore: String(Math.max(0, Math.min(100, score))),
      exploitCodeMaturity: cve.exploitCodeMaturity,
      remediationLevel: cve.remediationLevel,
      reportConfidence: cve.reportConfidence,
      publishedDate: cve.publishedDate,
      detectionDate: ctx.date(r, riskDetectedMs),
      daysDetected: Math.max(0, Math.floor((ctx.nowMs - riskDetectedMs) / DAY)),
      lastScanDate: ctx.date(r, lastScanMs),
      lastScanResult: 'Succeeded',
      // Removed: the vulnerable version is gone from the endpoint.
      status: tables.riskRemoved[n] ? 'Removed' : 'Detected',
      mitigationStatus:
        mitigationRoll < 0.8
          ? 'Not mitigated'
          : mitigationRoll < 0.95
          ? 'To be patched'
          : 'On hold',
      markType: mitigationRoll < 0.95 ? '' : 'Risk Accepted',
    },
    ...scopeOf(around, c),
  };
}
