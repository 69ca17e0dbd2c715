import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportCsv } from '~/http/report-view.server'

/** The rep scorecard as CSV, exactly as the page shows it. */
export const loader = (args: LoaderFunctionArgs) => reportCsv(args, 'scorecard')
