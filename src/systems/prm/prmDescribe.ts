import { PRM_OBJECTS, PRM_SCHEMA, type PrmObjectName } from './prmSchema.ts';

/** One entry of `GET /api/objects/v1/_describe`. */
export interface PrmObjectDescription {
  readonly name: PrmObjectName;
  readonly display: string;
  readonly creatable: boolean;
  readonly updatable: boolean;
}

/** One entry of `GET /api/objects/v1/{Object}/_describe`. */
export interface PrmFieldDescription {
  readonly name: string;
  readonly display: string;
  readonly dataType: string;
  readonly isRequired: boolean;
  readonly isReadOnly: boolean;
  readonly fieldType: 'Standard' | 'Fk' | 'LongText' | 'Picklist';
  readonly fkFieldType?: PrmObjectName;
  readonly picklistType: 'None' | 'Single';
  readonly values: Readonly<Record<string, string>>;
}

/** The object list (modelled on public integration code, not vendor-verified). */
export function describePrmObjects(): PrmObjectDescription[] {
  return PRM_OBJECTS.map((name) => ({ name, display: name === 'Lead' ? 'Lead Registration' : name, creatable: true, updatable: true }));
}

/** The fields of one object, with picklist values as a `{value: label}` map. */
export function describePrmObject(object: PrmObjectName): PrmFieldDescription[] {
  return PRM_SCHEMA[object].map((spec) => ({
    name: spec.name,
    display: spec.display,
    dataType: spec.dataType,
    isRequired: spec.isRequired === true,
    isReadOnly: spec.isReadOnly === true,
    fieldType: spec.dataType === 'Fk' ? 'Fk' : spec.dataType === 'LongText' ? 'LongText' : spec.dataType === 'Picklist' ? 'Picklist' : 'Standard',
    ...(spec.fkObject ? { fkFieldType: spec.fkObject } : {}),
    picklistType: spec.values ? 'Single' : 'None',
    values: Object.fromEntries((spec.values ?? []).map((v) => [v, v])),
  }));
}
