/**
 * Envelopes every v2.1 answer shares: lists with cursor pagination, single
 * objects, and the error body.
 */

/** `pagination` of every list (`totalItems` is the only required field). */
export interface WirePagination {
  totalItems: number | null;
  nextCursor?: string | null;
}

export interface WireList<T> {
  data: T[];
  pagination: WirePagination;
}

export interface WireObject<T> {
  data: T;
}

export interface WireError {
  code: number;
  title: string;
  detail: string | Record<string, unknown> | null;
}

export interface WireErrorBody {
  errors: WireError[];
}

/** How some consoles write a boolean (see `REAL_WORLD_DEVIATIONS`). */
export type StringBoolean = 'True' | 'False';

/** An enum the specification declares on several records. */
export type WireUserActionNeeded =
  | 'none'
  | 'user_action_needed'
  | 'reboot_needed'
  | 'upgrade_needed'
  | 'incompatible_os'
  | 'unprotected'
  | 'rebootless_without_dynamic_detection'
  | 'extended_exclusions_partially_accepted'
  | 'reboot_required'
  | 'pending_deprecation'
  | 'ne_not_running'
  | 'ne_cf_not_active';

/** An enum the specification declares on several records. */
export type WireNetworkStatus =
  | 'connected'
  | 'disconnected'
  | 'connecting'
  | 'disconnecting';

/** An enum the specification declares on several records. */
export type WireMachineType =
  | 'unknown'
  | 'desktop'
  | 'laptop'
  | 'server'
  | 'kubernetes node'
  | 'storage'
  | 'kubernetes pod';

/** An enum the specification declares on several records. */
export const OS_TYPES = [
  'windows',
  'windows_legacy',
  'linux',
  'macos',
] as const;
export type WireOsType = (typeof OS_TYPES)[number];

/** An enum the specification declares on several records. */
export type WireScanStatus = 'none' | 'started' | 'aborted' | 'finished';

/** An enum the specification declares on several records. */
export const MITIGATION_MODES = ['detect', 'protect'] as const;
export type WireMitigationMode = (typeof MITIGATION_MODES)[number];
