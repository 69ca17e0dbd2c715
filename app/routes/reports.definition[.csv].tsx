import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportCsv } from '~/http/report-view.server'

/** The hindsight of the definition's numbers as CSV, exactly as the page shows them. */
export const loader = (args: LoaderFunctionArgs) => reportCsv(args, 'definition')
