/**
 * Why a write was refused; stable, for callers that react to one reason.
 *
 * @example
 * ```ts
 * const overwrite: WriteRefusal = 'exists'
 * ```
 */
export type WriteRefusal =
  /** Something is already at the target and may not be replaced. */
  | 'exists'
  /** The target is a link, a folder, a FIFO, a device, a socket or a terminal. */
  | 'not-a-file'
  /** A folder on the way is a link out of the root, or not a folder. */
  | 'outside'
  /** The path names a folder (it ends with a separator), not a file. */
  | 'folder-path'
  /** The name is one realist-kb keeps for itself (the outputs ledger, its lock, temporaries). */
  | 'reserved-name'

/**
 * A write that realist-kb refused before touching the target: nothing was written, replaced or
 * read through a link. `reason` says why; the message says it for people ("Unexpected X,
 * expected Y").
 *
 * @example
 * ```ts
 * try {
 *   await writeFileAtomic('out/report.html', html)
 * } catch (error) {
 *   if (error instanceof WriteRefusedError && error.reason === 'exists') console.error(error.message)
 * }
 * ```
 */
export class WriteRefusedError extends Error {
  override readonly name = 'WriteRefusedError'
  /** Why the write was refused. */
  readonly reason: WriteRefusal
  /** The path that was to be written. */
  readonly target: string

  constructor(reason: WriteRefusal, target: string, message: string) {
    super(message)
    this.reason = reason
    this.target = target
  }
}
