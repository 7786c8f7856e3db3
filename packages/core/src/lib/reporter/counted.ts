/** A count with its noun, singular for one: `1 study`, `3 studies`, `0 errors`. */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
