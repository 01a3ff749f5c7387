/**
 * Exclusions and blocklist entries, each defined at one scope.
 * Written from the vendor's v2.1 specification (response200 of GET /exclusions and
 * GET /restrictions in
 * tools/simulator/contract/sentinelone-v2.1-schemas.json): only the fields the
 * simulator serves, with the specification's enums; optional where the
 * simulator leaves a field out on some records.
 */
import { WireOsType } from './common';

export const EXCLUSION_TYPES = [
  'path',
  'certificate',
  'browser',
  'file_type',
  'white_hash',
  'dv_exclusions',
] as const;
export type ExclusionType = (typeof EXCLUSION_TYPES)[number];

export const EXCLUSION_MODES = [
  'suppress',
  'suppress_dynamic_only',
  'suppress_dfi_only',
  'disable_in_process_monitor',
  'disable_in_process_monitor_deep',
  'disable_all_monitors',
  'disable_all_monitors_deep',
  'suppress_app_control',
] as const;
export type ExclusionMode = (typeof EXCLUSION_MODES)[number];

export const EXCLUSION_SOURCES = [
  'user',
  'cloud',
  'action_from_threat',
  'catalog',
] as const;
export type ExclusionSource = (typeof EXCLUSION_SOURCES)[number];

export const PATH_EXCLUSION_TYPES = ['file', 'folder', 'subfolders'] as const;
export type PathExclusionType = (typeof PATH_EXCLUSION_TYPES)[number];

/** Values of `notRecommended` (the spec's `recommendations` filter enum). */
export const RECOMMENDATIONS = [
  'Not recommended',
  'Not allowed',
  'NONE',
] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export interface WireRuleScope {
  tenant: boolean;
  accountIds: string[];
  siteIds: string[];
  groupIds: string[];
}

/** Fields shared by `GET /exclusions` and `GET /restrictions` rows. */
export interface WireScopedRule {
  id: string;
  type: string;
  value: string;
  osType: WireOsType;
  source: ExclusionSource;
  description: string;
  userId: string;
  userName: string;
  scope: WireRuleScope;
  scopeName: string;
  scopePath: string;
  notRecommended: Recommendation;
  imported: boolean;
  includeChildren: boolean;
  includeParents: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WireExclusion extends WireScopedRule {
  type: ExclusionType;
  mode: ExclusionMode | null;
  pathExclusionType: PathExclusionType | null;
  applicationName: string | null;
  inAppInventory: boolean;
}

/** `GET /restrictions` (blocklist): `type` is always `black_hash`, `value` a SHA1. */
export interface WireRestriction extends WireScopedRule {
  type: 'black_hash';
}
