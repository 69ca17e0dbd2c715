// Bodies of error responses that the shared error page explains in their own words.
export const CROSS_ORIGIN_REFUSED = 'cross-origin'
