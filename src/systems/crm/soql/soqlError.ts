/** The errors a SOQL query can fail with, shaped like Salesforce's REST error body entries. */

/** Error codes the SOQL engine returns (the `errorCode` of Salesforce's 400 body). */
export type SoqlErrorCode = 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE' | 'EXCEEDED_ID_LIMIT';

/** A failed query: Salesforce's error code and message. */
export interface SoqlError {
  readonly ok: false;
  readonly errorCode: SoqlErrorCode;
  readonly message: string;
}

/** Thrown inside the compiler to abort with a SoqlError; `runQuery` turns it back into a result. */
export class SoqlFailure extends Error {
  readonly error: SoqlError;

  constructor(error: SoqlError) {
    super(error.message);
    this.name = 'SoqlFailure';
    this.error = error;
  }
}

/** MALFORMED_QUERY with `message`. */
export function malformed(message: string): SoqlFailure {
  return new SoqlFailure({ ok: false, errorCode: 'MALFORMED_QUERY', message });
}

/** INVALID_FIELD for an unknown column, with Salesforce's wording. */
export function noSuchColumn(column: string, entity: string): SoqlFailure {
  return new SoqlFailure({
    ok: false,
    errorCode: 'INVALID_FIELD',
    message:
      `No such column '${column}' on entity '${entity}'. If you are attempting to use a custom field, be sure to ` +
      `append the '__c' after the custom field name. Please reference your WSDL or the describe call for the ` +
      `appropriate names.`,
  });
}

/** INVALID_FIELD for an unknown relationship in a field path, with Salesforce's wording. */
export function unknownRelationship(relationship: string): SoqlFailure {
  return new SoqlFailure({
    ok: false,
    errorCode: 'INVALID_FIELD',
    message:
      `Didn't understand relationship '${relationship}' in field path. If you are attempting to use a custom ` +
      `relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL ` +
      `or the describe call for the appropriate names.`,
  });
}

/** INVALID_TYPE for an unknown object, with Salesforce's wording. */
export function unsupportedType(type: string): SoqlFailure {
  return new SoqlFailure({
    ok: false,
    errorCode: 'INVALID_TYPE',
    message:
      `sObject type '${type}' is not supported. If you are attempting to use a custom object, be sure to append ` +
      `the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
  });
}

/** MALFORMED_QUERY for valid SOQL that the simulator does not implement, phrased so the caller knows what to change. */
export function notSupported(soql: string, feature: string, fix: string): SoqlFailure {
  return malformed(`Failed to run query "${soql}": ${feature} is not supported by the leadsim Salesforce simulator. ${fix}.`);
}

/** INVALID_FIELD for a literal of the wrong type, with Salesforce's wording. */
export function badFilterValue(field: string, typeName: string, quoted: boolean): SoqlFailure {
  return new SoqlFailure({
    ok: false,
    errorCode: 'INVALID_FIELD',
    message: `value of filter criterion for field '${field}' must be of type ${typeName} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
  });
}

/** INVALID_TYPE for an unknown child relationship in a subquery's FROM, with Salesforce's wording. */
export function unknownChildRelationship(name: string): SoqlFailure {
  return new SoqlFailure({
    ok: false,
    errorCode: 'INVALID_TYPE',
    message:
      `Didn't understand relationship '${name}' in FROM part of query call. If you are attempting to use a custom ` +
      `relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or ` +
      `the describe call for the appropriate names.`,
  });
}
