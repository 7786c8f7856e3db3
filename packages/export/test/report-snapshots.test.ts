import path from 'node:path'
import { reportExporters } from '@realist-kb/export'
import { describe, expect, it } from 'vitest'
import { bundledReport, fixtureReport } from './report-helpers.js'

const snapshots = path.join(import.meta.dirname, '__snapshots__')

// Output is snapshotted as files so that a reviewer sees a report change in the diff.
describe('report snapshots', () => {
  for (const [name, exporter] of Object.entries(reportExporters)) {
    it(`${name} of the valid fixture`, async () => {
      await expect(exporter.render(await fixtureReport('valid'))).toMatchFileSnapshot(
        path.join(snapshots, `valid.${name}.${exporter.extension}`),
      )
    })
    it(`${name} of the judgement fixture (appraisal, confidence, chains)`, async () => {
      await expect(exporter.render(await fixtureReport('judgement', 'export'))).toMatchFileSnapshot(
        path.join(snapshots, `judgement.${name}.${exporter.extension}`),
      )
    })
    it(`${name} of the bundled review`, async () => {
      await expect(exporter.render(await bundledReport())).toMatchFileSnapshot(
        path.join(snapshots, `bundled-review.${name}.${exporter.extension}`),
      )
    })
  }
})
