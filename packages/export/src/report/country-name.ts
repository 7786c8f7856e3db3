// One home for country names: core's, which the gap map and the vocabularies read too.
export { countryName } from '@realist-kb/core'
