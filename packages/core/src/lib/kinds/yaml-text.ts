/**
 * A YAML scalar for any text: always double-quoted, with JSON escapes (a subset of YAML's), so
 * that colons, `#`, leading dashes or quotes in titles can never change the meaning. Characters
 * YAML does not allow in a file (DEL, C1 controls, non-characters) are escaped too.
 *
 * @example
 * ```ts
 * yamlText('Pain: a review') // '"Pain: a review"'
 * ```
 */
export function yamlText(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/**
 * A required field's placeholder in a template: `TODO:` and what to write, as a YAML scalar.
 *
 * @example
 * ```ts
 * todo('a short name') // '"TODO: a short name"'
 * ```
 */
export function todo(text: string): string {
  return yamlText(`TODO: ${text}`)
}
