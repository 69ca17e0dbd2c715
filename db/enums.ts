// Plain constants shared by the schema and the UI (no drizzle import, so the client bundle stays small).
export const ROLES = ['rep', 'marketer', 'committee', 'leadership', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const SEATS = ['sales', 'marketing', 'executive'] as const
export type Seat = (typeof SEATS)[number]
