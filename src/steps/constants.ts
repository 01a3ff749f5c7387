import {
  RelationshipClass,
  RelationshipDirection,
  StepEntityMetadata,
  StepMappedRelationshipMetadata,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';

export const Steps = {
  ACCOUNT: 'fetch-account',
  SITES: 'fetch-sites',
  GROUPS: 'fetch-groups',
  AGENTS: 'fetch-agents',
  THREATS: 'fetch-threats',
  APPLICATIONS: 'fetch-applications',
  VULNERABILITIES: 'fetch-vulnerabilities',
  POLICIES: 'fetch-policies',
  EXCLUSIONS: 'fetch-exclusions',
  USERS: 'fetch-users',
} as const;

export const IngestionSources = {
  THREATS: 'threats',
  APPLICATIONS: 'applications',
  VULNERABILITIES: 'vulnerabilities',
  POLICIES: 'policies',
  EXCLUSIONS: 'exclusions',
  USERS: 'users',
} as const;

export const Entities = {
  ACCOUNT: {
    resourceName: 'Account',
    _type: 'sentinelone_account',
    _class: ['Account'],
  },
  SITE: {
    resourceName: 'Site',
    _type: 'sentinelone_site',
    _class: ['Group'],
  },
  GROUP: {
    resourceName: 'Group',
    _type: 'sentinelone_group',
    _class: ['Group'],
  },
  AGENT: {
    resourceName: 'Agent',
    _type: 'sentinelone_agent',
    _class: ['HostAgent'],
  },
  THREAT: {
    resourceName: 'Threat',
    _type: 'sentinelone_threat',
    _class: ['Finding'],
  },
  APPLICATION: {
    resourceName: 'Application',
    _type: 'sentinelone_application',
    _class: ['Application'],
  },
  FINDING: {
    resourceName: 'CVE Finding',
    _type: 'sentinelone_finding',
    _class: ['Finding'],
  },
  POLICY: {
    resourceName: 'Protection Policy',
    _type: 'sentinelone_policy',
    _class: ['ControlPolicy'],
  },
  EXCLUSION: {
    resourceName: 'Exclusion',
    _type: 'sentinelone_exclusion',
    _class: ['Rule'],
  },
  USER: {
    resourceName: 'User',
    _type: 'sentinelone_user',
    _class: ['User'],
  },
  ROLE: {
    resourceName: 'Role',
    _type: 'sentinelone_role',
    _class: ['AccessRole'],
  },
} satisfies Record<string, StepEntityMetadata>;

/** Targets of mapped relationships: entities owned by JupiterOne or other integrations. */
export const MappedTargets = {
  DEVICE: { _type: 'user_endpoint', _class: 'Device' },
  CVE: { _type: 'cve', _class: 'Vulnerability' },
} as const;

export const Relationships = {
  ACCOUNT_HAS_SITE: {
    _type: 'sentinelone_account_has_site',
    sourceType: Entities.ACCOUNT._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.SITE._type,
  },
  ACCOUNT_HAS_GROUP: {
    _type: 'sentinelone_account_has_group',
    sourceType: Entities.ACCOUNT._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.GROUP._type,
  },
  SITE_HAS_GROUP: {
    _type: 'sentinelone_site_has_group',
    sourceType: Entities.SITE._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.GROUP._type,
  },
  GROUP_HAS_AGENT: {
    _type: 'sentinelone_group_has_agent',
    sourceType: Entities.GROUP._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.AGENT._type,
  },
  AGENT_IDENTIFIED_THREAT: {
    _type: 'sentinelone_agent_identified_threat',
    sourceType: Entities.AGENT._type,
    _class: RelationshipClass.IDENTIFIED,
    targetType: Entities.THREAT._type,
  },
  AGENT_INSTALLED_APPLICATION: {
    _type: 'sentinelone_agent_installed_application',
    sourceType: Entities.AGENT._type,
    _class: RelationshipClass.INSTALLED,
    targetType: Entities.APPLICATION._type,
  },
  AGENT_IDENTIFIED_FINDING: {
    _type: 'sentinelone_agent_identified_finding',
    sourceType: Entities.AGENT._type,
    _class: RelationshipClass.IDENTIFIED,
    targetType: Entities.FINDING._type,
  },
  ACCOUNT_HAS_POLICY: {
    _type: 'sentinelone_account_has_policy',
    sourceType: Entities.ACCOUNT._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.POLICY._type,
  },
  ACCOUNT_USES_POLICY: {
    _type: 'sentinelone_account_uses_policy',
    sourceType: Entities.ACCOUNT._type,
    _class: RelationshipClass.USES,
    targetType: Entities.POLICY._type,
  },
  SITE_USES_POLICY: {
    _type: 'sentinelone_site_uses_policy',
    sourceType: Entities.SITE._type,
    _class: RelationshipClass.USES,
    targetType: Entities.POLICY._type,
  },
  GROUP_USES_POLICY: {
    _type: 'sentinelone_group_uses_policy',
    sourceType: Entities.GROUP._type,
    _class: RelationshipClass.USES,
    targetType: Entities.POLICY._type,
  },
  ACCOUNT_HAS_EXCLUSION: {
    _type: 'sentinelone_account_has_exclusion',
    sourceType: Entities.ACCOUNT._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.EXCLUSION._type,
  },
  SITE_HAS_EXCLUSION: {
    _type: 'sentinelone_site_has_exclusion',
    sourceType: Entities.SITE._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.EXCLUSION._type,
  },
  GROUP_HAS_EXCLUSION: {
    _type: 'sentinelone_group_has_exclusion',
    sourceType: Entities.GROUP._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.EXCLUSION._type,
  },
  ACCOUNT_HAS_USER: {
    _type: 'sentinelone_account_has_user',
    sourceType: Entities.ACCOUNT._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.USER._type,
  },
  ACCOUNT_HAS_ROLE: {
    _type: 'sentinelone_account_has_role',
    sourceType: Entities.ACCOUNT._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.ROLE._type,
  },
  USER_ASSIGNED_ROLE: {
    _type: 'sentinelone_user_assigned_role',
    sourceType: Entities.USER._type,
    _class: RelationshipClass.ASSIGNED,
    targetType: Entities.ROLE._type,
  },
} satisfies Record<string, StepRelationshipMetadata>;

export const MappedRelationships = {
  AGENT_PROTECTS_DEVICE: {
    _type: 'sentinelone_agent_protects_device',
    sourceType: Entities.AGENT._type,
    _class: RelationshipClass.PROTECTS,
    targetType: MappedTargets.DEVICE._type,
    direction: RelationshipDirection.FORWARD,
  },
  FINDING_IS_CVE: {
    _type: 'sentinelone_finding_is_cve',
    sourceType: Entities.FINDING._type,
    _class: RelationshipClass.IS,
    targetType: MappedTargets.CVE._type,
    direction: RelationshipDirection.FORWARD,
  },
} satisfies Record<string, StepMappedRelationshipMetadata>;

/**
 * HostAgent `function` values of a SentinelOne agent. The data model has no
 * 'edr': its behavioural monitoring is 'activity-monitor'.
 *
 * Frozen because every agent entity holds this one list rather than a copy
 * (100,000 copies at 100,000 agents).
 */
export const AGENT_FUNCTIONS: readonly string[] = Object.freeze([
  'anti-malware',
  'endpoint-protection',
  'activity-monitor',
]);
