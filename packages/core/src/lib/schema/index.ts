export * from '../kinds/public.js'
export {
  type Acknowledgement,
  acknowledgementSchema,
  type Basis,
  basisSchema,
  countryCodeSchema,
  idSchema,
  locationSchema,
  type ReferenceInput,
  referenceSchema,
  type TextOrList,
  textOrListSchema,
  yearSchema,
} from './common.js'
