import { LEAD_FIELD_KEYS } from './fields'
import type { Lead } from './lead.server'

/**
 * The lead as it stands, kept with a case (as the case opened) and with a stay in the Nurture
 * pool (as it entered): its fields, custom attributes, status and owner.
 */
export function snapshotOf(lead: Lead): Record<string, unknown> {
  return {
    ...Object.fromEntries(LEAD_FIELD_KEYS.map((key) => [key, lead[key]])),
    custom: lead.custom,
    status: lead.status,
    ownerId: lead.ownerId,
  }
}
