import { S1Threat } from '../../client/types';
import { blankProperties } from '../../../test/blankProperties';
import { Entities } from '../constants';
import { MalformedRecordError } from '../util';
import { threatKey } from '../keys';
import {
  createThreatEntity,
  THREAT_CATEGORY,
  threatSeverity,
} from './converter';

const SERVER_URL = 'https://usea1-acme.sentinelone.net';
const THREAT_ID = '1190415000000000301';

function threat(
  info: Partial<NonNullable<S1Threat['threatInfo']>> = {},
  agentInfo: Partial<NonNullable<S1Threat['agentRealtimeInfo']>> = {},
): S1Threat {
  return {
    id: THREAT_ID,
    threatInfo: {
      threatId: THREAT_ID,
      threatName: 'invoice_2024.pdf.exe',
      classification: 'Ransomware',
      classificationSource: 'Engine',
      confidenceLevel: 'malicious',
      analystVerdict: 'true_positive',
      incidentStatus: 'unresolved',
      mitigationStatus: 'mitigated',
      sha1: '3395856ce81f2b7382dee72602f798b642f14140',
      sha256:
        '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
      md5: '44d88612fea8a8f36de82e1278abb02f',
      filePath:
        '\\Device\\HarddiskVolume3\\Users\\jdoe\\Downloads\\invoice_2024.pdf.exe',
      fileSize: 482304,
      detectionType: 'static',
      initiatedBy: 'agent_policy',
      originatorProcess: 'explorer.exe',
      storyline: 'A1B2C3D4E5F60718',
      publisherName: null,
      createdAt: '2024-06-28T14:02:11.000000Z',
      updatedAt: '2024-06-28T14:05:40.123456Z',
      identifiedAt: '2024-06-28T14:02:09.500000Z',
      rebootRequired: false,
      automaticallyResolved: false,
      externalTicketId: null,
      ...info,
    },
    agentRealtimeInfo: {
      agentId: '1190414000000000201',
      agentUuid: '5e0f3c2a9b8d4e7f8a6b5c4d3e2f1a0b',
      agentComputerName: 'FIN-LT-0042',
      agentOsType: 'windows',
      agentIsActive: true,
      agentIsDecommissioned: false,
      siteId: '1190412123456789012',
      siteName: 'Headquarters',
      groupId: '1190413000000000101',
      groupName: 'Finance Laptops',
      accountId: '1190411811111111111',
      accountName: 'Acme Corp',
      ...agentInfo,
    },
  };
}

describe('threatKey', () => {
  test('is sentinelone_threat-id-<id>', () => {
    expect(threatKey(THREAT_ID)).toBe(`sentinelone_threat-id-${THREAT_ID}`);
  });
});

describe('threatSeverity', () => {
  test.each([
    ['malicious', 'Ransomware', 'critical', 10],
    ['MALICIOUS', 'ransomware', 'critical', 10],
    ['malicious', 'Trojan', 'high', 8],
    ['malicious', 'Malware', 'high', 8],
    ['malicious', undefined, 'high', 8],
    ['malicious', 'PUA', 'medium', 5],
    ['suspicious', 'Ransomware', 'high', 7],
    ['suspicious', 'Malware', 'medium', 5],
    ['suspicious', 'PUA', 'low', 3],
    ['n/a', 'Ransomware', 'low', 2],
    [undefined, undefined, 'low', 2],
    ['something-new', 'Malware', 'low', 2],
  ])('%p + %p -> %p %p', (confidence, classification, severity, numeric) => {
    expect(threatSeverity(confidence, classification)).toEqual({
      severity,
      numericSeverity: numeric,
    });
  });
});

describe('createThreatEntity', () => {
  test('maps a full threat', () => {
    const entity = createThreatEntity(threat(), SERVER_URL);
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.THREAT._class });
    expect(entity).toMatchObject({
      _key: `sentinelone_threat-id-${THREAT_ID}`,
      _type: Entities.THREAT._type,
      _class: ['Finding'],
      id: THREAT_ID,
      name: 'invoice_2024.pdf.exe',
      displayName: 'invoice_2024.pdf.exe on FIN-LT-0042',
      category: THREAT_CATEGORY,
      threatClassification: 'Ransomware',
      confidenceLevel: 'malicious',
      severity: 'critical',
      numericSeverity: 10,
      open: true,
      incidentStatus: 'unresolved',
      mitigationStatus: 'mitigated',
      analystVerdict: 'true_positive',
      sha1: '3395856ce81f2b7382dee72602f798b642f14140',
      sha256:
        '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
      filePath:
        '\\Device\\HarddiskVolume3\\Users\\jdoe\\Downloads\\invoice_2024.pdf.exe',
      detectionType: 'static',
      initiatedBy: 'agent_policy',
      createdOn: Date.UTC(2024, 5, 28, 14, 2, 11),
      updatedOn: Date.parse('2024-06-28T14:05:40.123Z'),
      identifiedOn: Date.parse('2024-06-28T14:02:09.500Z'),
      agentId: '1190414000000000201',
      agentComputerName: 'FIN-LT-0042',
      siteId: '1190412123456789012',
      siteName: 'Headquarters',
      groupId: '1190413000000000101',
      accountId: '1190411811111111111',
      webLink: `${SERVER_URL}/incidents/threats/${THREAT_ID}/overview`,
    });
    expect(entity.category).toBe('endpoint-threat');
    expect(entity.publisherName).toBeUndefined();
  });

  test('writes the threat type to threatClassification, never to classification (data sensitivity)', () => {
    const entity = createThreatEntity(
      threat({ classification: 'Malware', confidenceLevel: 'suspicious' }),
      SERVER_URL,
    );
    expect(entity.threatClassification).toBe('Malware');
    expect(entity).not.toHaveProperty('classification');
    expect(entity).toMatchObject({ severity: 'medium', numericSeverity: 5 });
  });

  test('stores no blank string and reads string booleans (a console record)', () => {
    // As real consoles answer: blanks for "none", booleans as strings.
    const record = threat({
      publisherName: '',
      externalTicketId: ' ',
      originatorProcess: '',
      rebootRequired: 'False' as unknown as boolean,
      automaticallyResolved: 'True' as unknown as boolean,
    });
    const entity = createThreatEntity(record, SERVER_URL);
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.THREAT._class });
    expect(blankProperties(entity)).toEqual([]);
    expect(entity.rebootRequired).toBe(false);
    expect(entity.automaticallyResolved).toBe(true);
  });

  test('a resolved threat is closed', () => {
    const entity = createThreatEntity(
      threat({ incidentStatus: 'resolved' }),
      SERVER_URL,
    );
    expect(entity.open).toBe(false);
    expect(
      createThreatEntity(threat({ incidentStatus: 'in_progress' }), SERVER_URL)
        .open,
    ).toBe(true);
  });

  test('tolerates a threat without threatInfo or agentRealtimeInfo', () => {
    const entity = createThreatEntity(
      { id: THREAT_ID, threatInfo: null, agentRealtimeInfo: null },
      SERVER_URL,
    );
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.THREAT._class });
    expect(entity).toMatchObject({
      name: THREAT_ID,
      displayName: THREAT_ID,
      severity: 'low',
      numericSeverity: 2,
      open: true,
      category: 'endpoint-threat',
    });
    expect(entity.agentId).toBeUndefined();
    expect(entity.createdOn).toBeUndefined();
  });

  test('tolerates null fields inside threatInfo', () => {
    const entity = createThreatEntity(
      threat(
        {
          threatName: null,
          classification: null,
          confidenceLevel: null,
          incidentStatus: null,
          createdAt: null,
          identifiedAt: '',
        },
        { agentComputerName: null },
      ),
      SERVER_URL,
    );
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.THREAT._class });
    expect(entity.name).toBe('3395856ce81f2b7382dee72602f798b642f14140');
    expect(entity.threatClassification).toBeUndefined();
    expect(entity.open).toBe(true);
  });

  test('throws MalformedRecordError without id or with a bad date', () => {
    expect(() =>
      createThreatEntity({ ...threat(), id: '' }, SERVER_URL),
    ).toThrow(new MalformedRecordError('threat record without id', 'threat'));
    expect(() =>
      createThreatEntity(threat({ updatedAt: 'last tuesday' }), SERVER_URL),
    ).toThrow(
      `threat ${THREAT_ID}: threatInfo.updatedAt 'last tuesday' is not a date`,
    );
  });
});
