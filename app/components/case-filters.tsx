import { CASE_STAGE_FILTER_LABELS, CASE_STAGE_FILTERS } from '~/domain/sales/schema'
import { SelectField } from './ui'

type Options = readonly (readonly [string, string])[]

/**
 * The filters every list of cases shares: stage, reason, rep, source and campaign. An older
 * link's `kind=rejected` or `kind=ignored` shows as the stage of the same name.
 */
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
        emptyLabel="Any stage"
        name="stage"
        label="Stage"
        defaultValue={filter('stage') || filter('kind')}
        options={CASE_STAGE_FILTERS.map((s) => [s, CASE_STAGE_FILTER_LABELS[s]])}
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
