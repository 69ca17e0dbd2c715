import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportCsv } from '~/http/report-view.server'

/** The accuracy report's numbers as CSV, exactly as the page shows them. */
export const loader = (args: LoaderFunctionArgs) => reportCsv(args, 'accuracy')
