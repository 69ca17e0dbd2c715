import { Link, useSearchParams } from '@remix-run/react'
import type { ReactNode } from 'react'
import { type MetricSectionId, metricHref } from '~/domain/reports/metric-links'
import {
  BREAKDOWN_LABELS,
  BREAKDOWNS,
  CASE_STAGES,
  HAND_OVER_LABELS,
  HAND_OVERS,
  HISTORY,
  HISTORY_LABELS,
  PERIOD_LABELS,
  PERIODS,
  STAGE_LABELS,
} from '~/domain/reports/query'
import { FilterForm, inputClass, PageHeader, SelectField } from './ui'

type Options = readonly (readonly [string, string])[]

/** The filters only some reports have: the breakdown, the case stage, the hand-over. */
type Extra = { breakdown?: boolean; stage?: boolean; handOver?: boolean }

/** The range and the filter choices a report's loader returns for its filter form. */
type FilterChoices = {
  range: { from: string; to: string }
  reps: Options
  reasons: Options
  sources: string[]
  campaigns: string[]
}

/** The period, range and filters every report shares, in the URL (a GET form). */
function ReportFilters({
  action,
  params,
  range,
  reps,
  reasons,
  sources,
  campaigns,
  breakdown,
  stage,
  handOver,
}: FilterChoices & {
  action: string
  params: URLSearchParams
} & Extra) {
  const value = (name: string) => params.get(name) ?? ''
  return (
    <FilterForm label="Report filters" clearTo={action}>
      <SelectField
        name="period"
        label="Period"
        defaultValue={value('period') || 'month'}
        options={PERIODS.map((p) => [p, PERIOD_LABELS[p]])}
      />
      <div>
        <label htmlFor="report-from" className="mb-1 block text-sm font-medium">
          From
        </label>
        <input
          id="report-from"
          name="from"
          type="date"
          defaultValue={range.from}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="report-to" className="mb-1 block text-sm font-medium">
          To
        </label>
        <input
          id="report-to"
          name="to"
          type="date"
          defaultValue={range.to}
          className={inputClass}
        />
      </div>
      {breakdown ? (
        <SelectField
          name="by"
          label="Break down by"
          defaultValue={value('by') || 'reason'}
          options={BREAKDOWNS.map((b) => [b, BREAKDOWN_LABELS[b]])}
        />
      ) : null}
      {reps.length ? (
        <SelectField
          emptyLabel="Every rep"
          name="repId"
          label="Rep"
          defaultValue={value('repId')}
          options={reps}
        />
      ) : null}
      <SelectField
        emptyLabel="Any"
        name="reasonId"
        label="Reason"
        defaultValue={value('reasonId')}
        options={reasons}
      />
      <SelectField
        emptyLabel="Any"
        name="source"
        label="Source"
        defaultValue={value('source')}
        options={sources.map((s) => [s, s])}
      />
      <SelectField
        emptyLabel="Any"
        name="campaign"
        label="Campaign"
        defaultValue={value('campaign')}
        options={campaigns.map((c) => [c, c])}
      />
      <SelectField
        name="history"
        label="Imported history"
        defaultValue={value('history') || 'shown'}
        options={HISTORY.map((h) => [h, HISTORY_LABELS[h]])}
      />
      {stage ? (
        <SelectField
          emptyLabel="All"
          name="stage"
          label="Stage"
          defaultValue={value('stage')}
          options={CASE_STAGES.map((s) => [s, STAGE_LABELS[s]])}
        />
      ) : null}
      {handOver ? (
        <SelectField
          emptyLabel="All"
          name="handOver"
          label="Hand-over"
          defaultValue={value('handOver')}
          options={HAND_OVERS.map((h) => [h, HAND_OVER_LABELS[h]])}
        />
      ) : null}
    </FilterForm>
  )
}

/**
 * A report page: its title, what it counts, the shared filters, the CSV download of exactly
 * what is shown (same query string), then the report itself.
 */
export function ReportFrame({
  title,
  path,
  metric,
  description,
  data,
  breakdown,
  stage,
  handOver,
  children,
}: {
  title: string
  path: string
  /** The section of the metrics page that defines the report's figures. */
  metric: MetricSectionId
  description: ReactNode
  data: FilterChoices
  children: ReactNode
} & Extra) {
  const [params] = useSearchParams()
  return (
    <div className="space-y-6">
      <PageHeader title={title}>
        <Link to="/reports" className="text-sm text-brand-700 underline">
          All reports
        </Link>
      </PageHeader>
      <p className="max-w-3xl text-slate-700">
        {description}{' '}
        <Link to={metricHref(metric)} className="text-brand-700 underline">
          How each figure is defined
        </Link>
      </p>
      <ReportFilters
        action={path}
        params={params}
        range={data.range}
        reps={data.reps}
        reasons={data.reasons}
        sources={data.sources}
        campaigns={data.campaigns}
        breakdown={breakdown}
        stage={stage}
        handOver={handOver}
      />
      <p className="text-sm">
        <a href={`${path}.csv?${params}`} className="text-brand-700 underline" download>
          Download CSV
        </a>
      </p>
      {children}
    </div>
  )
}
