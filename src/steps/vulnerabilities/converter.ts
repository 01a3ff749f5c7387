import {
  createMappedRelationship,
  Entity,
  MappedRelationship,
  RelationshipDirection,
} from '@jupiterone/integration-sdk-core';

import { S1Risk } from '../../client/types';
import { Entities, MappedRelationships, MappedTargets } from '../constants';
import { toNumber, toText } from '../../normalize/values';
import { findingKey } from '../keys';
import {
  createEntity,
  MalformedRecordError,
  parseDate,
  relationshipKey,
  requireId,
} from '../util';
import { cveWebLink } from '../webLinks';

export const FINDING_CATEGORY = 'vulnerability';

/**
 * Risk statuses (compared lower case) that mean the vulnerability is no longer
 * present on the endpoint: the finding is closed (`open: false`). The API's
 * `status` is `Detected` or `Removed`; a missing status is open, and so is a
 * risk marked `To be patched` or `On hold` (that is `mitigationStatus`, and
 * the vulnerability is still there).
 */
export const CLOSED_FINDING_STATUSES: ReadonlySet<string> = new Set([
  'removed',
]);

/**
 * The row's CVE id, trimmed and in upper case (`CVE-2021-44228`).
 *
 * @throws MalformedRecordError when the row has no CVE id: an endpoint x CVE
 *   row without its CVE cannot be joined to anything
 */
function requireCveId(risk: S1Risk): string {
  const cveId = toText(risk.cveId)?.toUpperCase();
  if (!cveId || /\s/.test(cveId)) {
    const id = toText(risk.id) ?? '(no id)';
    throw new MalformedRecordError(
      cveId
        ? `finding ${id}: cveId '${cveId}' is not a CVE id`
        : `finding ${id}: record without cveId`,
      'finding',
      'cveId',
    );
  }
  return cveId;
}

export function isFindingOpen(status: string | undefined): boolean {
  return !status || !CLOSED_FINDING_STATUSES.has(status.toLowerCase());
}

/** Severity label -> numericSeverity, used only when there is no CVSS score. */
const NUMERIC_SEVERITY_BY_LABEL: Record<string, number> = {
  critical: 10,
  high: 8,
  medium: 5,
  low: 2,
  none: 0,
};

/** CVSS v3 qualitative rating of a base score. */
export function cvssSeverity(score: number): string {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

/**
 * `severity` is SentinelOne's label in lower case (else the CVSS rating of
 * the score, else `unknown`); `numericSeverity` is the CVSS base score
 * (SentinelOne's, else NVD's), else derived from the label (critical 10,
 * high 8, medium 5, low 2, none/unknown 0).
 */
function findingSeverity(risk: S1Risk): {
  severity: string;
  numericSeverity: number;
  score: number | undefined;
} {
  const score = toNumber(risk.baseScore) ?? toNumber(risk.nvdBaseScore);
  const label =
    toText(risk.severity)?.toLowerCase() ??
    (score !== undefined ? cvssSeverity(score) : 'unknown');
  const numericSeverity = score ?? NUMERIC_SEVERITY_BY_LABEL[label] ?? 0;
  return { severity: label, numericSeverity, score };
}

/**
 * The `sentinelone_finding` (Finding) entity of one endpoint x CVE row of
 * `application-management/risks`.
 *
 * @throws MalformedRecordError for a row without id, without CVE id or with
 *   an unparseable date
 */
export function createFindingEntity(risk: S1Risk): Entity {
  const id = requireId(risk, 'finding');
  const label = `finding ${id}`;
  const cveId = requireCveId(risk);
  const name = cveId;
  const endpointName = toText(risk.endpointName);
  const status = toText(risk.status);
  const { severity, numericSeverity, score } = findingSeverity(risk);

  return createEntity(risk, {
    _key: findingKey(id),
    _type: Entities.FINDING._type,
    _class: Entities.FINDING._class,
    id,
    name,
    displayName: endpointName ? `${name} on ${endpointName}` : name,
    category: FINDING_CATEGORY,
    cveId,
    severity,
    numericSeverity,
    score,
    cvssVersion: toText(risk.cvssVersion),
    nvdBaseScore: toNumber(risk.nvdBaseScore),
    riskScore: toNumber(risk.riskScore),
    exploitCodeMaturity: toText(risk.exploitCodeMaturity),
    remediationLevel: toText(risk.remediationLevel),
    reportConfidence: toText(risk.reportConfidence),
    status,
    mitigationStatus: toText(risk.mitigationStatus),
    markType: toText(risk.markType),
    open: isFindingOpen(status),
    detectedOn: parseDate(risk.detectionDate, 'detectionDate', label),
    publishedOn: parseDate(risk.publishedDate, 'publishedDate', label),
    lastScanOn: parseDate(risk.lastScanDate, 'lastScanDate', label),
    lastScanResult: toText(risk.lastScanResult),
    daysDetected: toNumber(risk.daysDetected),
    applicationName: toText(risk.applicationName),
    applicationVendor: toText(risk.applicationVendor),
    applicationVersion: toText(risk.applicationVersion),
    endpointId: toText(risk.endpointId),
    endpointUuid: toText(risk.endpointUuid),
    endpointName,
    webLink: cveWebLink(cveId),
  });
}

/**
 * `sentinelone_finding` IS `cve`: a mapped relationship to JupiterOne's global
 * CVE entity, keyed by the lower-case CVE id. The `_key` is
 * `<findingEntityKey>|is|<cve id lower case>`: one per finding.
 *
 * @throws MalformedRecordError when the row has no CVE id
 */
export function createFindingIsCveRelationship(
  risk: S1Risk,
  findingEntityKey: string,
): MappedRelationship {
  const cveId = requireCveId(risk);
  const cveKey = cveId.toLowerCase();
  const relationship = MappedRelationships.FINDING_IS_CVE;
  return createMappedRelationship({
    _key: relationshipKey(findingEntityKey, relationship._class, cveKey),
    _type: relationship._type,
    _class: relationship._class,
    _mapping: {
      relationshipDirection: RelationshipDirection.FORWARD,
      sourceEntityKey: findingEntityKey,
      targetFilterKeys: [['_type', '_key']],
      targetEntity: {
        _class: MappedTargets.CVE._class,
        _type: MappedTargets.CVE._type,
        _key: cveKey,
        name: cveId,
        displayName: cveId,
        webLink: cveWebLink(cveId),
      },
      skipTargetCreation: false,
    },
  });
}
