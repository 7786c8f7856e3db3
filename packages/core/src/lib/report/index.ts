export { buildTraceReport } from './build-trace-report.js'
export type * from './types.js'
export { traceReportVersion } from './types.js'
