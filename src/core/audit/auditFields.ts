/**
 * The kinds of detail an audit event may carry. Each kind says what the value is and how it is
 * made safe before it leaves the builder: free text is masked with the built-in detectors,
 * identifiers and names are capped and masked, origins are reduced to their origin, counts are
 * bounded (a large "count" could be a card number), enums are closed lists.
 */
type ScalarFieldKind =
  /** An identifier such as a contact ID. */
  | 'id'
  /** Who acted: a Connect username (which may be an e-mail address: it is the actor, not customer data). */
  | 'actor'
  /** An attribute, field, source or detector name. */
  | 'name'
  /** A JSON pointer into the policy. */
  | 'pointer'
  /** Free text someone typed (a reveal reason). */
  | 'text'
  /** A web origin (`https://host[:port]`), never a URL with a path. */
  | 'origin'
  /** A non-negative integer below `MAX_AUDIT_COUNT`. */
  | 'count'
  | 'flag';

interface ScalarField {
  kind: ScalarFieldKind;
  optional?: boolean;
}

export interface EnumField<V extends string = string> {
  kind: 'oneOf';
  values: readonly V[];
  optional?: boolean;
}

export interface ListField {
  kind: 'list';
  of: 'id' | 'name' | 'pointer' | 'origin';
  optional?: boolean;
}

export type AuditField = ScalarField | EnumField | ListField;

export const MAX_AUDIT_COUNT = 999_999_999;
export const MAX_AUDIT_LIST_ITEMS = 50;
export const AUDIT_FIELD_LENGTH: Readonly<Record<'id' | 'actor' | 'name' | 'pointer' | 'text' | 'origin', number>> = {
  id: 128,
  actor: 256,
  name: 128,
  pointer: 256,
  text: 500,
  origin: 300,
};

/** Field constructors used by the catalogue entries. */
export const field = {
  id: { kind: 'id' },
  actor: { kind: 'actor' },
  name: { kind: 'name' },
  pointer: { kind: 'pointer' },
  text: { kind: 'text' },
  origin: { kind: 'origin' },
  count: { kind: 'count' },
  flag: { kind: 'flag' },
  oneOf: <const V extends string>(values: readonly V[]): EnumField<V> => ({ kind: 'oneOf', values }),
  list: <const O extends ListField['of']>(of: O): ListField & { of: O } => ({ kind: 'list', of }),
  optional: <F extends AuditField>(inner: F): F & { optional: true } => ({ ...inner, optional: true }),
} as const satisfies Record<string, AuditField | ((...args: never[]) => AuditField)>;

/** The TypeScript type of one field's value. */
type FieldValue<F> =
  F extends EnumField<infer V>
    ? V
    : F extends { kind: 'count' }
      ? number
      : F extends { kind: 'flag' }
        ? boolean
        : F extends { kind: 'list' }
          ? string[]
          : string;

type OptionalKeys<Fields> = { [K in keyof Fields]: Fields[K] extends { optional: true } ? K : never }[keyof Fields];
type RequiredKeys<Fields> = Exclude<keyof Fields, OptionalKeys<Fields>>;

/** The details object of an event whose fields are `Fields`. */
export type DetailsOf<Fields> = { [K in RequiredKeys<Fields>]: FieldValue<Fields[K]> } & { [K in OptionalKeys<Fields>]?: FieldValue<Fields[K]> };
