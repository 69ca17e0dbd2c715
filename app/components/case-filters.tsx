import { CASE_KIND_LABELS, CASE_KINDS } from '~/domain/sales/schema'
import { SelectField } from './ui'

type Options = readonly (readonly [string, string])[]

/** The filters every list of cases shares: kind, reason, rep, source and campaign. */
export function CaseFilterFields({
  filter,
  reasons,
  reps,
  sources,
  campaigns,
}: {
  filter: (name: string) => string
  reasons: Options
  reps: Options | null
  sources: string[]
  campaigns: string[]
}) {
  return (
    <>
      <SelectField
        emptyLabel="Rejected or ignored"
        name="kind"
        label="Kind"
        defaultValue={filter('kind')}
        options={CASE_KINDS.map((k) => [k, CASE_KIND_LABELS[k]])}
      />
      <SelectField
        emptyLabel="Any"
        name="reasonId"
        label="Reason"
        defaultValue={filter('reasonId')}
        options={reasons}
      />
      {reps ? (
        <SelectField
          emptyLabel="Any"
          name="repId"
          label="Rep"
          defaultValue={filter('repId')}
          options={reps}
        />
      ) : null}
      <SelectField
        emptyLabel="Any"
        name="source"
        label="Source"
        defaultValue={filter('source')}
        options={sources.map((s) => [s, s])}
      />
      <SelectField
        emptyLabel="Any"
        name="campaign"
        label="Campaign"
        defaultValue={filter('campaign')}
        options={campaigns.map((c) => [c, c])}
      />
    </>
  )
}
