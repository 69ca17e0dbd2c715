import type { FieldMetadata } from '@conform-to/react'
import { useEffect, useState } from 'react'
import { Field } from './ui'

/** The zone this browser is in, when the list has it. */
function browserZone(zones: readonly string[]): string | null {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return zones.includes(zone) ? zone : null
}

/**
 * The organisation's time zone (decision 37): a text field that searches the zones as one types
 * (a `<datalist>`), offering UTC first and, once the page's script runs, this browser's zone
 * second. It shows the zone stored, or says none is and which zone is used; left empty, saving
 * keeps the stored zone.
 */
export function TimeZoneField({
  meta,
  zones,
  stored,
  fallback,
}: {
  meta: FieldMetadata<string | undefined>
  /** The zones to offer, UTC first (`TIME_ZONES`). */
  zones: readonly string[]
  /** The zone stored, if one was chosen. */
  stored: string | undefined
  /** The zone used while none was chosen. */
  fallback: string
}) {
  const [local, setLocal] = useState<string | null>(null)
  useEffect(() => setLocal(browserZone(zones)), [zones])
  const ordered =
    local && local !== zones[0]
      ? [zones[0], local, ...zones.slice(1).filter((zone) => zone !== local)]
      : zones
  const listId = `${meta.id}-zones`
  return (
    <>
      <Field
        label="Time zone"
        hint={`${
          stored ? `Stored: ${stored}.` : `Not set: ${fallback} is used.`
        } Working days and SLA clocks follow this time zone: Saturdays and Sundays here do not count. Type a city or region to search (such as London or New_York); leave it as it is to keep the zone.`}
        meta={meta}
        list={listId}
        placeholder={`Not set: ${fallback} is used`}
        autoComplete="off"
        spellCheck={false}
      />
      <datalist id={listId}>
        {ordered.map((zone) => (
          <option key={zone} value={zone}>
            {zone === local ? 'Your browser’s time zone' : undefined}
          </option>
        ))}
      </datalist>
    </>
  )
}
