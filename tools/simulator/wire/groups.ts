/**
 * Group records of `GET /groups`.
 * Written from the vendor's v2.1 specification (response200 of GET /groups in
 * tools/simulator/contract/sentinelone-v2.1-schemas.json): every field optional
 * unless the specification requires it.
 */
export interface WireGroup {
  /** Deviation: see REAL_WORLD_DEVIATIONS. */
  description?: string | null;
  /** Deviation: see REAL_WORLD_DEVIATIONS. */
  rank?: number | null;
  updatedAt?: string;
  registrationToken?: unknown;
  name?: string;
  siteId?: string;
  createdAt?: string;
  isDefault?: boolean;
  type?: 'static' | 'dynamic' | 'pinned';
  creator?: string;
  totalAgents?: number;
  creatorId?: string;
  id?: string;
  /** Deviation: see REAL_WORLD_DEVIATIONS. */
  filterName?: string | null;
  inherits?: boolean;
  /** Deviation: see REAL_WORLD_DEVIATIONS. */
  filterId?: string | null;
}
