import { Entity } from '@jupiterone/integration-sdk-core';

import { S1Threat } from '../../client/types';
import { Entities } from '../constants';
import { toBoolean, toNumber, toText } from '../../normalize/values';
import { threatKey } from '../keys';
import { createEntity, parseDate, requireId } from '../util';
import { threatWebLink } from '../webLinks';

export const THREAT_CATEGORY = 'endpoint-threat';

export interface ThreatSeverity {
  severity: 'critical' | 'high' | 'medium' | 'low';
  numericSeverity: number;
}

/** Classifications that are unwanted rather than malicious software. */
const UNWANTED_CLASSIFICATIONS = new Set(['pua', 'adware']);

/**
 * Severity of a threat from SentinelOne's AI confidence level and its
 * classification (both compared case-insensitively):
 *
 * | confidenceLevel       | classification          | severity | numericSeverity |
 * |-----------------------|-------------------------|----------|-----------------|
 * | malicious             | Ransomware              | critical | 10              |
 * | malicious             | PUA, Adware             | medium   | 5               |
 * | malicious             | anything else / none    | high     | 8               |
 * | suspicious            | Ransomware              | high     | 7               |
 * | suspicious            | PUA, Adware             | low      | 3               |
 * | suspicious            | anything else / none    | medium   | 5               |
 * | n/a, missing, unknown | any                     | low      | 2               |
 *
 * numericSeverity follows the usual JupiterOne scale: 1-3 low, 4-6 medium,
 * 7-8 high, 9-10 critical.
 */
export function threatSeverity(
  confidenceLevel: string | undefined,
  classification: string | undefined,
): ThreatSeverity {
  const confidence = confidenceLevel?.toLowerCase();
  const kind = classification?.toLowerCase() ?? '';
  const ransomware = kind === 'ransomware';
  const unwanted = UNWANTED_CLASSIFICATIONS.has(kind);

  if (confidence === 'malicious') {
    if (ransomware) return { severity: 'critical', numericSeverity: 10 };
    if (unwanted) return { severity: 'medium', numericSeverity: 5 };
    return { severity: 'high', numericSeverity: 8 };
  }
  if (confidence === 'suspicious') {
    if (ransomware) return { severity: 'high', numericSeverity: 7 };
    if (unwanted) return { severity: 'low', numericSeverity: 3 };
    return { severity: 'medium', numericSeverity: 5 };
  }
  return { severity: 'low', numericSeverity: 2 };
}

/**
 * The `sentinelone_threat` (Finding) entity of a threat. `open` unless the
 * incident status is `resolved`; the threat's type (Malware, Ransomware, ...)
 * is `threatClassification`. The agent, site, group and account ids stay
 * on the entity so a threat whose agent was not collected still says where it
 * happened.
 *
 * @throws MalformedRecordError for a threat without id or with an unparseable date
 */
export function createThreatEntity(
  threat: S1Threat,
  serverUrl: string,
): Entity {
  const id = requireId(threat, 'threat');
  const label = `threat ${id}`;
  const info = threat.threatInfo ?? {};
  const agent = threat.agentRealtimeInfo ?? {};

  const name = toText(info.threatName) ?? toText(info.sha1) ?? id;
  const computerName = toText(agent.agentComputerName);
  const confidenceLevel = toText(info.confidenceLevel);
  const threatClassification = toText(info.classification);
  const incidentStatus = toText(info.incidentStatus);
  const { severity, numericSeverity } = threatSeverity(
    confidenceLevel,
    threatClassification,
  );

  return createEntity(threat, {
    _key: threatKey(id),
    _type: Entities.THREAT._type,
    _class: Entities.THREAT._class,
    id,
    threatId: toText(info.threatId),
    name,
    displayName: computerName ? `${name} on ${computerName}` : name,
    category: THREAT_CATEGORY,
    // The data model reserves `classification` for data sensitivity.
    threatClassification,
    classificationSource: toText(info.classificationSource),
    confidenceLevel,
    severity,
    numericSeverity,
    open: incidentStatus !== 'resolved',
    incidentStatus,
    mitigationStatus: toText(info.mitigationStatus),
    analystVerdict: toText(info.analystVerdict),
    sha1: toText(info.sha1),
    sha256: toText(info.sha256),
    md5: toText(info.md5),
    filePath: toText(info.filePath),
    fileSize: toNumber(info.fileSize),
    detectionType: toText(info.detectionType),
    initiatedBy: toText(info.initiatedBy),
    originatorProcess: toText(info.originatorProcess),
    storyline: toText(info.storyline),
    publisherName: toText(info.publisherName),
    rebootRequired: toBoolean(info.rebootRequired),
    automaticallyResolved: toBoolean(info.automaticallyResolved),
    externalTicketId: toText(info.externalTicketId),
    createdOn: parseDate(info.createdAt, 'threatInfo.createdAt', label),
    updatedOn: parseDate(info.updatedAt, 'threatInfo.updatedAt', label),
    identifiedOn: parseDate(
      info.identifiedAt,
      'threatInfo.identifiedAt',
      label,
    ),
    agentId: toText(agent.agentId),
    agentUuid: toText(agent.agentUuid),
    agentComputerName: computerName,
    agentOsType: toText(agent.agentOsType),
    siteId: toText(agent.siteId),
    siteName: toText(agent.siteName),
    groupId: toText(agent.groupId),
    groupName: toText(agent.groupName),
    accountId: toText(agent.accountId),
    accountName: toText(agent.accountName),
    webLink: threatWebLink(serverUrl, id),
  });
}
