import type { CmocEntry } from '@realist-kb/core'

/**
 * The rows a report shows for a CMOC's context, mechanism and outcome, in that order: the
 * mechanism as one row, or as resource and response rows. A part the source does not give (an
 * incomplete CMOC) is a row with no items, which renderers show as such rather than hide.
 */
export function cmocPartRows(
  cmoc: CmocEntry,
): readonly { readonly label: string; readonly items: readonly string[] }[] {
  const { mechanism } = cmoc
  const split = mechanism.resource.length > 0 || mechanism.response.length > 0
  return [
    { label: 'Context', items: cmoc.context },
    ...(split
      ? [
          { label: 'Resource', items: mechanism.resource },
          { label: 'Response', items: mechanism.response },
        ]
      : [{ label: 'Mechanism', items: mechanism.text }]),
    { label: 'Outcome', items: cmoc.outcome },
  ]
}

/** What a report prints for a part the source does not give. */
export const notGiven = 'not given by the source'
