import type { KnowledgeBase } from '@realist-kb/core'
import { strToU8, type Zippable, zipSync } from 'fflate'
import { toRefiProject } from './refi-project.js'

// A fixed time stamp, built from local fields so that the archive's DOS time is the same in
// every time zone: the same knowledge base gives the same bytes.
const fixedTime = new Date(2000, 0, 1)

/**
 * Write a knowledge base as a REFI-QDA project (`.qdpx`), the exchange format NVivo, ATLAS.ti,
 * MAXQDA and QualCoder open: the codebook (groups and CMOCs as codes, CMOCs named by their short
 * label), each study a text source (its citation, notes, and evidence points and quotes) whose
 * quotes are coded on the CMOCs they bear on, each group a set of its CMOCs, and the review's
 * notes and the groups' and CMOCs' narratives as memos. The archive holds `project.qde` (valid
 * against the REFI-QDA 1.0 Project XSD) and the sources under `sources/`. GUIDs derive from the
 * review and the entity ids, so exporting again gives the same GUIDs; codings made in a QDA tool
 * come back as evidence with {@link readQdpx}.
 *
 * @example
 * ```ts
 * import { writeQdpx } from '@realist-kb/export'
 * await writeFile('review.qdpx', writeQdpx(kb)) // open in NVivo, ATLAS.ti, MAXQDA, QualCoder
 * ```
 */
export function writeQdpx(kb: KnowledgeBase): Uint8Array {
  const { xml, sources } = toRefiProject(kb)
  const files: Zippable = { 'project.qde': strToU8(xml) }
  for (const [path, text] of sources) files[path] = strToU8(text)
  return zipSync(files, { level: 6, mtime: fixedTime })
}
