import { Entity } from '@jupiterone/integration-sdk-core';

import { S1Threat } from '../../client/types';
import { Entities } from '../constants';
import { threatKey } from '../keys';
import { createEntity, nonBlank, opt, parseDate, requireId } from '../util';
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
  confidenceLevel: string | null | undefined,
  classification: string | null | undefined,
): ThreatSeverity {
  const confidence = confidenceLevel?.trim().toLowerCase();
  const kind = classification?.trim().toLowerCase() ?? '';
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
 * incident status is `resolved`. The agent, site, group and account ids stay
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

  const name = nonBlank(info.threatName) ?? nonBlank(info.sha1) ?? id;
  const computerName = nonBlank(agent.agentComputerName);
  const { severity, numericSeverity } = threatSeverity(
    info.confidenceLevel,
    info.classification,
  );

  return createEntity(threat, {
    _key: threatKey(id),
    _type: Entities.THREAT._type,
    _class: Entities.THREAT._class,
    id,
    threatId: opt(info.threatId),
    name,
    displayName: computerName ? `${name} on ${computerName}` : name,
    category: THREAT_CATEGORY,
    classification: opt(info.classification),
    classificationSource: opt(info.classificationSource),
    confidenceLevel: opt(info.confidenceLevel),
    severity,
    numericSeverity,
    open: info.incidentStatus !== 'resolved',
    incidentStatus: opt(info.incidentStatus),
    mitigationStatus: opt(info.mitigationStatus),
    analystVerdict: opt(info.analystVerdict),
    sha1: opt(info.sha1),
    sha256: opt(info.sha256),
    md5: opt(info.md5),
    filePath: opt(info.filePath),
    fileSize: opt(info.fileSize),
    detectionType: opt(info.detectionType),
    initiatedBy: opt(info.initiatedBy),
    originatorProcess: opt(info.originatorProcess),
    storyline: opt(info.storyline),
    publisherName: opt(info.publisherName),
    rebootRequired: opt(info.rebootRequired),
    automaticallyResolved: opt(info.automaticallyResolved),
    externalTicketId: opt(info.externalTicketId),
    createdOn: parseDate(info.createdAt, 'threatInfo.createdAt', label),
    updatedOn: parseDate(info.updatedAt, 'threatInfo.updatedAt', label),
    identifiedOn: parseDate(
      info.identifiedAt,
      'threatInfo.identifiedAt',
      label,
    ),
    agentId: opt(agent.agentId),
    agentUuid: opt(agent.agentUuid),
    agentComputerName: computerName,
    agentOsType: opt(agent.agentOsType),
    siteId: opt(agent.siteId),
    siteName: opt(agent.siteName),
    groupId: opt(agent.groupId),
    groupName: opt(agent.groupName),
    accountId: opt(agent.accountId),
    accountName: opt(agent.accountName),
    webLink: threatWebLink(serverUrl, id),
  });
}
