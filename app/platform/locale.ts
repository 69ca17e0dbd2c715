// The organisation's locale: how its people read dates and numbers. There is no setting for it
// (decision 38): British English, whose day-month-year order and 24-hour clock read without
// ambiguity; a setting would replace this constant, read where the time zone is read.
export const LOCALE = 'en-GB'
