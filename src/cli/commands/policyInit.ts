import { PLACEHOLDER_CCP_URL, PLACEHOLDER_INSTANCE_ALIAS } from '../../core/policy/placeholderInstance.ts';
import { EXIT_INVALID, EXIT_OK, type CliCommand } from '../CliIO.ts';

/**
 * A starting policy with a `//` comment above each setting. JSON has no comments: the first line
 * says to delete every `//` line (or to run `policy init --json`, which prints the same document
 * without them). Every value is a working example except the instance, a placeholder that `policy validate`
 * refuses, naming the field, until IT writes their own.
 */
export const STARTER_POLICY = `// Connect Shield policy — starting point.
// JSON has no comments: delete every line that starts with // before use,
// or run \`policy init --json > policy.json\` to get this document without them.
// Then: policy validate policy.json. Full reference: README.md, "The policy".
{
  // The approved Amazon Connect instance. Only ccpUrl is required in the whole policy.
  "instance": {
    // https://<alias>.my.connect.aws/ccp-v2 or https://<alias>.awsapps.com/connect/ccp-v2
    // Replace ${PLACEHOLDER_INSTANCE_ALIAS} with your alias: policy validate refuses the placeholder.
    "ccpUrl": "${PLACEHOLDER_CCP_URL}",
    // AWS region of the instance (chat uses it).
    "region": "ap-northeast-1"
  },
  // Third-party https origins the extension may frame, open or contact.
  // Exact origins, or a leading *. wildcard for subdomains. Lower case, punycode, no path.
  "approvedOrigins": ["https://crm.example.com", "https://*.kb.example.com"],
  // Masking. Every built-in detector is on unless switched off here; pan and ciphertext cannot be.
  "masking": {
    // Classify attributes by name (glob with *): pan, ssn, myNumber, iban, abaRouting,
    // accountNumber, email, phone, dob, ciphertext, secret, custom, or public.
    "attributeRules": [
      { "match": "card_*", "kind": "pan" },
      { "match": "*Token", "kind": "secret" }
    ],
    // Your own identifiers, as ECMAScript regular expressions (u flag; no catastrophic backtracking).
    "patterns": [{ "name": "Member ID", "regex": "\\\\bMB-[0-9]{8}\\\\b", "display": "lastFour" }],
    // How each kind is drawn: lastFour, full (all hidden) or label. Cards never show more than the last four.
    "display": { "pan": "lastFour" }
  },
  // Supervisors: who may reveal which kinds, for how long, with a typed reason.
  "roles": {
    "elevatedViewAllowed": true,
    "supervisors": { "usernames": ["supervisor1"], "routingProfiles": ["Supervisors"] },
    "revealableKinds": ["phone", "email"],
    "revealSeconds": 30,
    "reasonRequired": true
  },
  // Secure IVR steps: the agent sees the capture status, never the value.
  "secureIvr": {
    "fields": [
      { "label": "Card number", "valueAttribute": "card_number", "statusAttribute": "card_capture_status" }
    ]
  },
  // Callers that raise a warning (E.164), and repeated contacts within a window.
  "risk": {
    "denyList": ["+81312345678"],
    "repeatContact": { "count": 3, "windowMinutes": 60 }
  },
  // Outbound dialing: default country for numbers without +, and the countries allowed.
  "dialing": { "defaultCountry": "JP", "allowedCountries": ["JP"] },
  // Audit export (events carry no values). The endpoint's origin must be approved above;
  // remove "endpoint" to keep audit events in the browser only.
  "audit": { "retentionDays": 30 },
  // Leave false unless the README's compatibility section says otherwise.
  "framing": { "compatibilityMode": false },
  // Amazon's own CCP panel shows caller numbers and chat unmasked; keep it hidden.
  "ccp": { "showNativePanel": false }
}
`;

/** The starter without its comment lines: a valid policy document. */
export function starterPolicyJson(): string {
  return STARTER_POLICY.split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}

/** `policy init [--json]`: prints a commented starting policy. */
export const run: CliCommand = async (argv, io) => {
  if (argv.length > 1 || (argv.length === 1 && argv[0] !== '--json')) {
    io.err('Usage: policy init [--json]');
    return EXIT_INVALID;
  }
  io.out(argv[0] === '--json' ? starterPolicyJson() : STARTER_POLICY);
  return EXIT_OK;
};
