/**
 * Site records of `GET /sites` (nested under `data.sites`).
 * Written from the vendor's v2.1 specification (response200 of GET /sites in
 * tools/simulator/contract/sentinelone-v2.1-schemas.json): every field optional
 * unless the specification requires it.
 */
import { WireLicenses } from './accounts';

export interface WireSite {
  updatedAt?: string;
  name?: string;
  activeLicenses?: number;
  licenses?: WireLicenses;
  siteType?: string;
  creator?: string;
  creatorId?: string;
  externalId?: string;
  createdAt?: string;
  id?: string;
  unlimitedLicenses?: boolean;
  sku?: 'Core' | 'Control' | 'Complete' | null;
  state?: 'active' | 'expired' | 'deleted';
  isDefault?: boolean;
  expiration?: string;
  healthStatus?: boolean;
  registrationToken?: unknown;
  description?: string;
  totalLicenses?: number;
  accountName?: string;
  suite?: 'Core' | 'Control' | 'Complete' | null;
  accountId?: string;
  unlimitedExpiration?: boolean;
}

export interface WireAllSites {
  totalLicenses?: number;
  activeLicenses?: number;
}
