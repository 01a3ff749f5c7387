import { RelationshipDirection } from '@jupiterone/integration-sdk-core';

import { S1Risk } from '../../client/types';
import { blankProperties } from '../../../test/blankProperties';
import { Entities, MappedRelationships, MappedTargets } from '../constants';
import { MalformedRecordError } from '../util';
import { findingKey } from '../keys';
import {
  CLOSED_FINDING_STATUSES,
  createFindingEntity,
  createFindingIsCveRelationship,
  cvssSeverity,
  FINDING_CATEGORY,
  isFindingOpen,
} from './converter';

const RISK_ID = '1190417000000000501';

function risk(overrides: Partial<S1Risk> = {}): S1Risk {
  return {
    id: RISK_ID,
    cveId: 'CVE-2024-4671',
    applicationName: 'Google Chrome',
    applicationVendor: 'Google LLC',
    applicationVersion: '124.0.6367.201',
    endpointId: '1190414000000000201',
    endpointUuid: '5e0f3c2a9b8d4e7f8a6b5c4d3e2f1a0b',
    endpointName: 'FIN-LT-0042',
    severity: 'CRITICAL',
    baseScore: '9.6',
    nvdBaseScore: 9.6,
    cvssVersion: '3.1',
    riskScore: 8.7,
    exploitCodeMaturity: 'High',
    remediationLevel: 'Official Fix',
    reportConfidence: 'Confirmed',
    publishedDate: '2024-05-14T15:44:00.000000Z',
    detectionDate: '2024-05-20T09:12:33.000000Z',
    daysDetected: 42,
    lastScanDate: '2024-07-01T06:00:00.000000Z',
    lastScanResult: 'Succeeded',
    status: 'Detected',
    mitigationStatus: 'Not Mitigated',
    markType: null,
    ...overrides,
  };
}

describe('findingKey', () => {
  test('is sentinelone_finding-id-<id>', () => {
    expect(findingKey(RISK_ID)).toBe(`sentinelone_finding-id-${RISK_ID}`);
  });
});

describe('createFindingEntity', () => {
  test('maps a full endpoint x CVE row', () => {
    const entity = createFindingEntity(risk());
    expect(entity).toMatchGraphObjectSchema({
      _class: Entities.FINDING._class,
    });
    expect(entity).toMatchObject({
      _key: `sentinelone_finding-id-${RISK_ID}`,
      _type: Entities.FINDING._type,
      _class: ['Finding'],
      id: RISK_ID,
      name: 'CVE-2024-4671',
      displayName: 'CVE-2024-4671 on FIN-LT-0042',
      cveId: 'CVE-2024-4671',
      category: FINDING_CATEGORY,
      severity: 'critical',
      numericSeverity: 9.6,
      score: 9.6,
      riskScore: 8.7,
      exploitCodeMaturity: 'High',
      remediationLevel: 'Official Fix',
      reportConfidence: 'Confirmed',
      status: 'Detected',
      mitigationStatus: 'Not Mitigated',
      open: true,
      detectedOn: Date.UTC(2024, 4, 20, 9, 12, 33),
      publishedOn: Date.UTC(2024, 4, 14, 15, 44),
      lastScanOn: Date.UTC(2024, 6, 1, 6),
      daysDetected: 42,
      applicationName: 'Google Chrome',
      applicationVendor: 'Google LLC',
      applicationVersion: '124.0.6367.201',
      endpointId: '1190414000000000201',
      endpointName: 'FIN-LT-0042',
      webLink: 'https://nvd.nist.gov/vuln/detail/CVE-2024-4671',
    });
    expect(entity.category).toBe('vulnerability');
    expect(typeof entity.numericSeverity).toBe('number');
  });

  test('derives severity and numericSeverity when fields are missing', () => {
    const noLabel = createFindingEntity(
      risk({ severity: null, baseScore: null, nvdBaseScore: '7.5' }),
    );
    expect(noLabel).toMatchObject({ severity: 'high', numericSeverity: 7.5 });

    const noScore = createFindingEntity(
      risk({ severity: 'Medium', baseScore: null, nvdBaseScore: null }),
    );
    expect(noScore).toMatchObject({ severity: 'medium', numericSeverity: 5 });
    expect(noScore.score).toBeUndefined();
  });

  test('tolerates a sparse row full of nulls', () => {
    const entity = createFindingEntity({
      id: RISK_ID,
      cveId: 'cve-2023-4863',
      endpointName: null,
      severity: null,
      baseScore: null,
      nvdBaseScore: null,
      riskScore: null,
      status: null,
      detectionDate: null,
      publishedDate: '',
    });
    expect(entity).toMatchGraphObjectSchema({
      _class: Entities.FINDING._class,
    });
    expect(entity).toMatchObject({
      name: 'CVE-2023-4863',
      displayName: 'CVE-2023-4863',
      severity: 'unknown',
      numericSeverity: 0,
      open: true,
      category: 'vulnerability',
    });
    expect(entity.detectedOn).toBeUndefined();
    expect(entity.riskScore).toBeUndefined();
  });

  test('a Removed row (the CVE is no longer on the endpoint) is a closed finding', () => {
    // `status` is `Detected | Removed` in the API's specification.
    const entity = createFindingEntity(
      risk({ status: 'Removed', mitigationStatus: 'To be patched' }),
    );
    expect(entity).toMatchObject({ status: 'Removed', open: false });
    expect(createFindingEntity(risk({ status: 'Detected' })).open).toBe(true);
  });

  test('stores no blank string and reads numbers sent as strings', () => {
    const entity = createFindingEntity(
      risk({
        markType: '',
        exploitCodeMaturity: '',
        cvssVersion: ' ',
        riskScore: '8.7',
        daysDetected: '42' as unknown as number,
      }),
    );
    expect(entity).toMatchGraphObjectSchema({
      _class: Entities.FINDING._class,
    });
    expect(blankProperties(entity)).toEqual([]);
    expect(entity).toMatchObject({ riskScore: 8.7, daysDetected: 42 });
  });

  test('throws MalformedRecordError without id, without CVE id or with a bad date', () => {
    expect(() => createFindingEntity({ ...risk(), id: '' })).toThrow(
      new MalformedRecordError('finding record without id', 'finding'),
    );
    expect(() => createFindingEntity(risk({ cveId: null }))).toThrow(
      `finding ${RISK_ID}: record without cveId`,
    );
    expect(() =>
      createFindingEntity(risk({ lastScanDate: '07/01/2024' })),
    ).toThrow(`finding ${RISK_ID}: lastScanDate '07/01/2024' is not a date`);
  });
});

describe('isFindingOpen', () => {
  test.each([
    ['Detected', true],
    [undefined, true],
    ['Removed', false],
    ['removed', false],
  ])('%p -> open %p', (status, open) => {
    expect(isFindingOpen(status)).toBe(open);
  });

  test('closes exactly the statuses of the API that mean the CVE is gone', () => {
    expect([...CLOSED_FINDING_STATUSES]).toEqual(['removed']);
  });
});

describe('cvssSeverity', () => {
  test.each([
    [10, 'critical'],
    [9, 'critical'],
    [8.9, 'high'],
    [7, 'high'],
    [6.9, 'medium'],
    [4, 'medium'],
    [3.9, 'low'],
    [0.1, 'low'],
    [0, 'none'],
  ])('%p -> %p', (score, severity) => {
    expect(cvssSeverity(score)).toBe(severity);
  });
});

describe('createFindingIsCveRelationship', () => {
  const key = findingKey(RISK_ID);

  test('maps the finding to the global cve entity', () => {
    expect(createFindingIsCveRelationship(risk(), key)).toEqual({
      _key: `${key}|is|cve-2024-4671`,
      _type: MappedRelationships.FINDING_IS_CVE._type,
      _class: 'IS',
      displayName: 'IS',
      _mapping: {
        relationshipDirection: RelationshipDirection.FORWARD,
        sourceEntityKey: key,
        targetFilterKeys: [['_type', '_key']],
        targetEntity: {
          _class: MappedTargets.CVE._class,
          _type: MappedTargets.CVE._type,
          _key: 'cve-2024-4671',
          name: 'CVE-2024-4671',
          displayName: 'CVE-2024-4671',
          webLink: 'https://nvd.nist.gov/vuln/detail/CVE-2024-4671',
        },
        skipTargetCreation: false,
      },
    });
  });

  test('normalizes the case of the CVE id', () => {
    const relationship = createFindingIsCveRelationship(
      risk({ cveId: ' cve-2024-4671 ' }),
      key,
    );
    expect(relationship._mapping.targetEntity._key).toBe('cve-2024-4671');
    expect(relationship._mapping.targetEntity.name).toBe('CVE-2024-4671');
  });

  test('has a deterministic key, unique per finding', () => {
    const other = createFindingIsCveRelationship(
      risk({ id: '1190417000000000502' }),
      findingKey('1190417000000000502'),
    );
    expect(createFindingIsCveRelationship(risk(), key)._key).toBe(
      createFindingIsCveRelationship(risk(), key)._key,
    );
    expect(other._key).not.toBe(
      createFindingIsCveRelationship(risk(), key)._key,
    );
  });

  test('throws MalformedRecordError without a CVE id', () => {
    expect(() =>
      createFindingIsCveRelationship(risk({ cveId: '  ' }), key),
    ).toThrow(MalformedRecordError);
  });
});
