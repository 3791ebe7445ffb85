import { CONNECT_REGIONS } from '../regions/connectRegions.ts';
import { ATTRIBUTE_RULE_KINDS, DETECTOR_NAMES, DISPLAY_FORMATS, SENSITIVE_KINDS } from './policyVocabulary.ts';

/**
 * The policy document, defined once. Everything that validates a policy — the CLI, the service
 * worker, the tests — runs the ajv code generated from this schema
 * (`policySchemaValidators.generated.js`), and `public/managed_schema.json` is derived from it.
 * Regenerate both with `npx tsx scripts/generate-managed-schema.ts`; a unit test fails when the
 * committed files drift from this definition.
 *
 * What a schema cannot say (a URL that really names a Connect instance, an origin in canonical
 * form, a regular expression that compiles and cannot backtrack catastrophically, E.164 numbers,
 * the audit endpoint being approved) is checked in `checkPolicySemantics.ts`.
 */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
  required?: string[];
  items?: JsonSchema;
  enum?: readonly (string | number | boolean)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

const text = (description: string, maxLength = 256): JsonSchema => ({ type: 'string', description, minLength: 1, maxLength });

const textList = (description: string, maxItems = 500): JsonSchema => ({
  type: 'array',
  description,
  maxItems,
  items: { type: 'string', minLength: 1, maxLength: 256 },
});

const instanceProperties: Record<string, JsonSchema> = {
  ccpUrl: text(
    'The Contact Control Panel URL, https://<alias>.my.connect.aws/ccp-v2, https://<alias>.awsapps.com/connect/ccp-v2 or (GovCloud) https://<alias>.govcloud.connect.aws/ccp-v2.',
    2048,
  ),
  loginUrl: text('Where the agent signs in (for example the SAML identity provider). Its origin must be the instance or an approved origin.', 2048),
  // The region rule comes from the one list of Regions Amazon Connect serves (src/core/regions).
  region: {
    type: 'string',
    description: 'AWS region of the instance, for example ap-northeast-1: one of the Regions Amazon Connect serves. Chat uses it for the participant service.',
    enum: CONNECT_REGIONS.map((region) => region.name),
  },
};

const alternateInstance: JsonSchema = {
  type: 'object',
  description: 'Another Connect instance the agent may choose.',
  additionalProperties: false,
  required: ['name', 'ccpUrl'],
  properties: {
    name: text('Shown to the agent when choosing an instance.', 64),
    ...instanceProperties,
  },
};

const objectOf = (description: string, properties: Record<string, JsonSchema>, required?: string[]): JsonSchema => ({
  type: 'object',
  description,
  additionalProperties: false,
  ...(required ? { required } : {}),
  properties,
});

const countryCode = (description: string): JsonSchema => ({ type: 'string', description, pattern: '^[A-Z]{2}$' });

function policySchemaWith(topLevelRequired: string[]): JsonSchema {
  return {
    type: 'object',
    title: 'Connect Shield policy',
    description: 'The Connect Shield policy: Connect instance, approved origins, masking, roles, secure IVR, risk, dialing, audit.',
    additionalProperties: false,
    ...(topLevelRequired.length > 0 ? { required: topLevelRequired } : {}),
    properties: {
      instance: {
        type: 'object',
        description: 'The approved Amazon Connect instance (the default) and any alternates.',
        additionalProperties: false,
        required: ['ccpUrl'],
        properties: {
          ...instanceProperties,
          alternates: { type: 'array', description: 'Other approved instances.', maxItems: 20, items: alternateInstance },
        },
      },
      approvedOrigins: {
        type: 'array',
        description: 'Third-party https origins the extension may frame, open or contact, e.g. https://crm.example.com or https://*.kb.example.com.',
        maxItems: 200,
        items: { type: 'string', minLength: 1, maxLength: 512 },
      },
      masking: objectOf('How sensitive values are recognised and drawn.', {
        detectors: objectOf(
          'Built-in detectors, all on by default. pan and ciphertext cannot be switched off.',
          Object.fromEntries(DETECTOR_NAMES.map((name) => [name, { type: 'boolean' } satisfies JsonSchema])),
        ),
        attributeRules: {
          type: 'array',
          description: 'Contact attributes classified by name (or a glob with *), case-insensitive.',
          maxItems: 500,
          items: objectOf(
            'One attribute rule.',
            {
              match: text('An attribute name or a glob such as card_* or *Token.', 128),
              kind: { type: 'string', description: 'What the attribute holds; public means no name rule hides it.', enum: ATTRIBUTE_RULE_KINDS },
            },
            ['match', 'kind'],
          ),
        },
        patterns: {
          type: 'array',
          description: 'Organization-specific patterns, masked wherever they occur.',
          maxItems: 100,
          items: objectOf(
            'One custom pattern.',
            {
              name: text('Shown as the label of a masked match.', 64),
              regex: text('An ECMAScript regular expression source (compiled with the u flag), without slashes.', 512),
              display: { type: 'string', description: 'How a match is drawn.', enum: DISPLAY_FORMATS },
            },
            ['name', 'regex'],
          ),
        },
        display: objectOf(
          'Display format per kind: lastFour, full (all hidden) or label. Card numbers are never shown beyond the last four.',
          Object.fromEntries(SENSITIVE_KINDS.map((kind) => [kind, { type: 'string', enum: DISPLAY_FORMATS } satisfies JsonSchema])),
        ),
      }),
      roles: objectOf('Who may see more than an agent, and how.', {
        elevatedViewAllowed: { type: 'boolean', description: 'Allow the supervisor view in this browser at all. Default false.' },
        supervisors: objectOf('Agents matched by any of these are supervisors.', {
          usernames: textList('Connect usernames.'),
          routingProfiles: textList('Routing profile names.'),
          permissions: textList('Security-profile permission names.'),
        }),
        revealableKinds: {
          type: 'array',
          description: 'Kinds a supervisor may reveal with a reason, for a limited time. pan and ciphertext are never revealable.',
          uniqueItems: true,
          items: { type: 'string', enum: SENSITIVE_KINDS },
        },
        revealSeconds: { type: 'integer', description: 'How long a reveal lasts. Default 30.', minimum: 5, maximum: 600 },
        reasonRequired: { type: 'boolean', description: 'A typed reason is required before a reveal. Default true.' },
      }),
      secureIvr: objectOf('Secure IVR capture steps: shown as status only, never as data.', {
        fields: {
          type: 'array',
          maxItems: 50,
          items: objectOf(
            'One secure-capture field.',
            {
              label: text('Shown to the agent, e.g. Card number.', 64),
              valueAttribute: text('The contact attribute that must never be shown (it may hold the captured value or its ciphertext).', 128),
              statusAttribute: text('The contact attribute holding the capture status.', 128),
              attemptsAttribute: text(
                'Optional: the contact attribute where the flow counts attempts (a whole number). Without it, attempts are counted from the status changes seen.',
                128,
              ),
              failureReasonAttribute: text('Optional: the contact attribute where the flow puts why a capture failed (shown masked, like any value).', 128),
              statusValues: objectOf('Which status attribute values mean what (case-insensitive).', {
                captured: textList('Values meaning the capture succeeded.', 50),
                inProgress: textList('Values meaning the caller is entering it.', 50),
                failed: textList('Values meaning the capture failed.', 50),
              }),
            },
            ['label', 'valueAttribute', 'statusAttribute'],
          ),
        },
      }),
      risk: objectOf('Warnings raised on risky contacts.', {
        denyList: {
          type: 'array',
          description: 'Caller numbers in E.164 form (e.g. +81312345678) that raise a warning.',
          maxItems: 100000,
          items: { type: 'string' },
        },
        repeatContact: objectOf(
          'Warn when the same caller contacts this often within the window.',
          {
            count: { type: 'integer', minimum: 2, maximum: 1000 },
            windowMinutes: { type: 'integer', minimum: 1, maximum: 43200 },
          },
          ['count', 'windowMinutes'],
        ),
      }),
      dialing: objectOf('Outbound number checks.', {
        defaultCountry: countryCode('ISO 3166-1 alpha-2 country for numbers dialled without +, e.g. JP.'),
        allowedCountries: {
          type: 'array',
          description: 'Countries agents may dial; unset means any.',
          uniqueItems: true,
          maxItems: 250,
          items: countryCode('ISO 3166-1 alpha-2 country code.'),
        },
      }),
      audit: objectOf('Where audit events (never values) are exported.', {
        endpoint: text('OTLP/HTTP logs endpoint; https, and its origin must be an approved origin.', 2048),
        retentionDays: { type: 'integer', description: 'How long audit events are kept in the browser. Default 30.', minimum: 1, maximum: 3650 },
        maxEvents: {
          type: 'integer',
          description: 'Most audit events kept in the browser; the oldest are dropped first. Default 10000.',
          minimum: 100,
          maximum: 100000,
        },
        headers: {
          type: 'array',
          description: "Static HTTP headers sent with every export, e.g. the collector's API key. Never shown on the options page.",
          maxItems: 10,
          items: objectOf(
            'One header.',
            {
              name: { type: 'string', description: 'Header name.', pattern: '^[A-Za-z0-9-]{1,64}$' },
              value: text('Header value.', 4096),
            },
            ['name', 'value'],
          ),
        },
      }),
      card: objectOf('How the contact card shows attributes.', {
        attributes: {
          type: 'array',
          description:
            'Per attribute name (or a glob with *), case-insensitive: a label per language, whether agents see it at all. The card lists configured attributes in this order, then the others as before. The first entry that matches an attribute decides. Masking applies to whatever is shown.',
          maxItems: 500,
          items: objectOf(
            'How one attribute, or every attribute a glob matches, is shown.',
            {
              match: text('An attribute name or a glob such as card_* or *Token.', 128),
              label: objectOf('Shown instead of the attribute name, per language of the browser; English is used where a language has none.', {
                en: text('English label, e.g. Card number.', 64),
                ja: text('Japanese label, e.g. カード番号.', 64),
              }),
              hidden: { type: 'boolean', description: 'Agents do not see this attribute at all. Default false.' },
            },
            ['match'],
          ),
        },
      }),
      ccp: objectOf("Amazon's own CCP panel inside the shell.", {
        showNativePanel: {
          type: 'boolean',
          description: "Keep Amazon's CCP panel visible after sign-in. Default false. The native panel shows caller numbers and chat transcripts unmasked.",
        },
      }),
      framing: objectOf('How the CCP is framed.', {
        compatibilityMode: { type: 'boolean', description: "Rewrite the CCP's frame-ancestors for this extension only. Default false." },
      }),
      chat: objectOf('Chat replies and files.', {
        replyCheck: {
          type: 'string',
          enum: ['warn', 'block'],
          description: 'A reply containing a card number or national ID: warn (the agent confirms) or block. Default warn.',
        },
        agentAttachments: { type: 'boolean', description: "Agents may send files in chats, within Amazon Connect's type and size limits. Default false." },
      }),
      integrity: {
        type: 'string',
        description:
          'Written by policy export: a digest of the exported policy, so that the extension can tell when the browser dropped or someone edited a value. Do not edit; re-export instead.',
        minLength: 1,
        maxLength: 65536,
      },
    },
  };
}

/** A complete policy: the document IT validates and deploys. */
export const policySchema: JsonSchema = policySchemaWith(['instance']);

/**
 * A part of a policy: what managed storage or local options may hold before merging, where the
 * instance may come from the other side.
 */
export const policyFragmentSchema: JsonSchema = policySchemaWith([]);
