import { isPhoneCountry } from '../phone/phoneCountries.ts';
import { describeCcpUrlProblem } from '../origins/describeCcpUrlProblem.ts';
import { parseCcpUrl, type ParsedCcpUrl } from '../origins/parseCcpUrl.ts';
import { checkInstanceRegion } from '../regions/checkInstanceRegion.ts';
import { isJsonObject } from './isJsonObject.ts';
import { pointerOf } from './jsonPointer.ts';
import { isPlaceholderInstanceAlias, PLACEHOLDER_INSTANCE_ALIAS } from './placeholderInstance.ts';
import { approvedOriginCovers, parseApprovedOrigin, type ParsedApprovedOrigin } from './parseApprovedOrigin.ts';
import type { PolicyError } from './PolicyError.ts';
import { MANDATORY_DETECTORS, NEVER_REVEALABLE_KINDS } from './policyVocabulary.ts';
import { POLICY_REGEX_FLAGS, type RegexSafetyCheck } from './regexSafety.ts';

/**
 * The checks a JSON Schema cannot express. They read the document defensively (it may also have
 * failed the schema) so that one run reports every problem, not just the first layer.
 */
export function checkPolicySemantics(document: unknown, regexSafety: RegexSafetyCheck): PolicyError[] {
  if (!isJsonObject(document)) return [];
  const errors: PolicyError[] = [];
  const approved = checkApprovedOrigins(document['approvedOrigins'], errors);
  checkInstance(document['instance'], approved, errors);
  checkMasking(document['masking'], regexSafety, errors);
  checkRoles(document['roles'], errors);
  checkSecureIvr(document['secureIvr'], errors);
  checkRisk(document['risk'], errors);
  checkDialing(document['dialing'], errors);
  checkAudit(document['audit'], approved, errors);
  return errors;
}

function checkInstance(instance: unknown, approved: ParsedApprovedOrigin[], errors: PolicyError[]): void {
  if (!isJsonObject(instance)) return;
  checkInstanceUrls(instance, ['instance'], approved, errors);
  const alternates = instance['alternates'];
  if (!Array.isArray(alternates)) return;
  const names = new Map<string, number>();
  const ccpUrls = new Map<string, string>();
  const defaultCcp = typeof instance['ccpUrl'] === 'string' ? parseCcpUrl(instance['ccpUrl']) : undefined;
  if (defaultCcp?.ok === true) ccpUrls.set(defaultCcp.ccpUrl, 'the default instance');
  alternates.forEach((alternate, index) => {
    if (!isJsonObject(alternate)) return;
    const path = ['instance', 'alternates', index];
    checkInstanceUrls(alternate, path, approved, errors);
    const name = alternate['name'];
    if (typeof name === 'string') {
      const earlier = names.get(name.trim().toLowerCase());
      if (earlier !== undefined) {
        errors.push({
          pointer: pointerOf([...path, 'name']),
          message: `The name is already used by alternate ${String(earlier)}; agents could not tell them apart.`,
        });
      } else {
        names.set(name.trim().toLowerCase(), index);
      }
    }
    const ccp = typeof alternate['ccpUrl'] === 'string' ? parseCcpUrl(alternate['ccpUrl']) : undefined;
    if (ccp?.ok === true) {
      const earlier = ccpUrls.get(ccp.ccpUrl);
      if (earlier !== undefined) {
        errors.push({ pointer: pointerOf([...path, 'ccpUrl']), message: `This instance is already listed as ${earlier}.` });
      } else {
        ccpUrls.set(ccp.ccpUrl, `alternate ${String(index)}`);
      }
    }
  });
}

function checkInstanceUrls(instance: Record<string, unknown>, path: (string | number)[], approved: ParsedApprovedOrigin[], errors: PolicyError[]): void {
  const ccpUrl = instance['ccpUrl'];
  let instanceOrigin: string | undefined;
  let ccp: ParsedCcpUrl | undefined;
  if (typeof ccpUrl === 'string') {
    const parsed = parseCcpUrl(ccpUrl);
    ccp = parsed;
    if (parsed.ok && isPlaceholderInstanceAlias(parsed.alias)) {
      errors.push({
        pointer: pointerOf([...path, 'ccpUrl']),
        message: `"${PLACEHOLDER_INSTANCE_ALIAS}" is the placeholder from policy init; replace it with your instance's alias (Amazon Connect console → your instance → Access URL).`,
      });
    }
    if (parsed.ok) instanceOrigin = parsed.origin;
    else errors.push({ pointer: pointerOf([...path, 'ccpUrl']), message: describeCcpUrlProblem(parsed.problem) });
  }
  for (const message of checkInstanceRegion(ccp, instance['region'])) errors.push({ pointer: pointerOf([...path, 'region']), message });
  const loginUrl = instance['loginUrl'];
  if (typeof loginUrl !== 'string') return;
  const pointer = pointerOf([...path, 'loginUrl']);
  const login = parseHttpsUrl(loginUrl);
  if (!login.ok) {
    errors.push({ pointer, message: login.message });
    return;
  }
  if (login.origin !== instanceOrigin && !approved.some((entry) => approvedOriginCovers(entry, login.origin))) {
    errors.push({
      pointer,
      message: `The sign-in page ${login.origin} is neither the Connect instance nor an approved origin; add "${login.origin}" to approvedOrigins.`,
    });
  }
}

function checkApprovedOrigins(value: unknown, errors: PolicyError[]): ParsedApprovedOrigin[] {
  if (!Array.isArray(value)) return [];
  const parsedOrigins: ParsedApprovedOrigin[] = [];
  const seen = new Map<string, number>();
  value.forEach((entry, index) => {
    if (typeof entry !== 'string') return;
    const pointer = pointerOf(['approvedOrigins', index]);
    const parsed = parseApprovedOrigin(entry);
    if (!parsed.ok) {
      errors.push({ pointer, message: parsed.message });
      return;
    }
    const earlier = seen.get(parsed.origin);
    if (earlier !== undefined) {
      errors.push({ pointer, message: `Listed twice (also entry ${String(earlier)}); remove one.` });
      return;
    }
    seen.set(parsed.origin, index);
    parsedOrigins.push(parsed);
  });
  return parsedOrigins;
}

function checkMasking(masking: unknown, regexSafety: RegexSafetyCheck, errors: PolicyError[]): void {
  if (!isJsonObject(masking)) return;
  const detectors = masking['detectors'];
  if (isJsonObject(detectors)) {
    for (const name of MANDATORY_DETECTORS) {
      if (detectors[name] === false) {
        errors.push({
          pointer: pointerOf(['masking', 'detectors', name]),
          message:
            name === 'pan'
              ? 'Card-number detection cannot be switched off (PCI DSS); remove this setting.'
              : 'Ciphertext detection cannot be switched off: encrypted values must never be shown; remove this setting.',
        });
      }
    }
  }
  const patterns = masking['patterns'];
  if (!Array.isArray(patterns)) return;
  const names = new Map<string, number>();
  patterns.forEach((pattern, index) => {
    if (!isJsonObject(pattern)) return;
    const name = pattern['name'];
    if (typeof name === 'string') {
      const earlier = names.get(name);
      if (earlier !== undefined) {
        errors.push({ pointer: pointerOf(['masking', 'patterns', index, 'name']), message: `The name is already used by pattern ${String(earlier)}.` });
      } else {
        names.set(name, index);
      }
    }
    const regex = pattern['regex'];
    if (typeof regex !== 'string' || regex === '') return;
    const problem = regexProblem(regex, regexSafety);
    if (problem !== undefined) errors.push({ pointer: pointerOf(['masking', 'patterns', index, 'regex']), message: problem });
  });
}

function regexProblem(source: string, regexSafety: RegexSafetyCheck): string | undefined {
  let compiled: RegExp;
  try {
    compiled = new RegExp(source, POLICY_REGEX_FLAGS);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message.replace(/^Invalid regular expression: (?:\/.*\/[a-z]*: )?/s, '') : 'syntax error';
    return `The regular expression does not compile with the "${POLICY_REGEX_FLAGS}" flag (${detail}).`;
  }
  if (compiled.test('')) return 'The regular expression matches an empty string, so it would match everywhere; make it require at least one character.';
  const verdict = regexSafety(source, POLICY_REGEX_FLAGS);
  if (!verdict.safe) return `The regular expression is unsafe: ${verdict.reason}. Avoid nested or overlapping repetition such as (a+)+ or (a|a)*.`;
  return undefined;
}

function checkRoles(roles: unknown, errors: PolicyError[]): void {
  if (!isJsonObject(roles)) return;
  const revealable = roles['revealableKinds'];
  if (!Array.isArray(revealable)) return;
  revealable.forEach((kind, index) => {
    if (typeof kind === 'string' && (NEVER_REVEALABLE_KINDS as readonly string[]).includes(kind)) {
      errors.push({
        pointer: pointerOf(['roles', 'revealableKinds', index]),
        message:
          kind === 'pan'
            ? 'Card numbers cannot be revealed: nobody sees more than the last four digits (PCI DSS).'
            : 'Ciphertext cannot be revealed: it is never data for a person to read.',
      });
    }
  });
}

function checkSecureIvr(secureIvr: unknown, errors: PolicyError[]): void {
  if (!isJsonObject(secureIvr)) return;
  const fields = secureIvr['fields'];
  if (!Array.isArray(fields)) return;
  const valueAttributes = new Map<string, number>();
  fields.forEach((field, index) => {
    if (!isJsonObject(field)) return;
    const path = ['secureIvr', 'fields', index];
    const valueAttribute = field['valueAttribute'];
    if (typeof valueAttribute === 'string') {
      const earlier = valueAttributes.get(valueAttribute);
      if (earlier !== undefined) {
        errors.push({ pointer: pointerOf([...path, 'valueAttribute']), message: `Field ${String(earlier)} already uses this attribute.` });
      } else {
        valueAttributes.set(valueAttribute, index);
      }
      if (valueAttribute === field['statusAttribute']) {
        errors.push({
          pointer: pointerOf([...path, 'statusAttribute']),
          message: 'The status attribute must differ from the value attribute: the value is never shown.',
        });
      }
      for (const name of ['attemptsAttribute', 'failureReasonAttribute']) {
        if (valueAttribute === field[name])
          errors.push({ pointer: pointerOf([...path, name]), message: `The ${name} must differ from the value attribute: the value is never shown.` });
      }
    }
    const statusValues = field['statusValues'];
    if (!isJsonObject(statusValues)) return;
    const meaningOf = new Map<string, string>();
    for (const meaning of ['captured', 'inProgress', 'failed']) {
      const values = statusValues[meaning];
      if (!Array.isArray(values)) continue;
      values.forEach((value, valueIndex) => {
        if (typeof value !== 'string') return;
        const other = meaningOf.get(value.toLowerCase());
        if (other !== undefined && other !== meaning) {
          errors.push({
            pointer: pointerOf([...path, 'statusValues', meaning, valueIndex]),
            message: `"${value.slice(0, 40)}" is also listed under "${other}"; a status value can mean only one thing.`,
          });
        }
        meaningOf.set(value.toLowerCase(), meaning);
      });
    }
  });
}

const E164 = /^\+[1-9][0-9]{6,14}$/;

function checkRisk(risk: unknown, errors: PolicyError[]): void {
  if (!isJsonObject(risk)) return;
  const denyList = risk['denyList'];
  if (!Array.isArray(denyList)) return;
  denyList.forEach((number, index) => {
    // The number itself is customer data: the message never repeats it.
    if (typeof number === 'string' && !E164.test(number)) {
      errors.push({
        pointer: pointerOf(['risk', 'denyList', index]),
        message: 'Not an E.164 number: write "+", the country code and the number, digits only, e.g. "+81312345678".',
      });
    }
  });
}

function checkDialing(dialing: unknown, errors: PolicyError[]): void {
  if (!isJsonObject(dialing)) return;
  const unknownCountry = 'Not a country the dialing rules know; use an ISO 3166-1 alpha-2 code such as "JP" or "GB".';
  const defaultCountry = dialing['defaultCountry'];
  if (typeof defaultCountry === 'string' && /^[A-Z]{2}$/.test(defaultCountry) && !isPhoneCountry(defaultCountry)) {
    errors.push({ pointer: '/dialing/defaultCountry', message: unknownCountry });
  }
  const allowed = dialing['allowedCountries'];
  if (!Array.isArray(allowed)) return;
  allowed.forEach((country, index) => {
    if (typeof country === 'string' && /^[A-Z]{2}$/.test(country) && !isPhoneCountry(country)) {
      errors.push({ pointer: pointerOf(['dialing', 'allowedCountries', index]), message: unknownCountry });
    }
  });
  if (typeof defaultCountry === 'string' && !allowed.includes(defaultCountry)) {
    errors.push({
      pointer: '/dialing/defaultCountry',
      message: `The default country ${defaultCountry.slice(0, 2)} is not among allowedCountries; add it there or pick an allowed one.`,
    });
  }
}

function checkAudit(audit: unknown, approved: ParsedApprovedOrigin[], errors: PolicyError[]): void {
  if (!isJsonObject(audit)) return;
  const endpoint = audit['endpoint'];
  if (typeof endpoint !== 'string') return;
  const parsed = parseHttpsUrl(endpoint);
  if (!parsed.ok) {
    errors.push({ pointer: '/audit/endpoint', message: parsed.message });
    return;
  }
  if (!approved.some((entry) => approvedOriginCovers(entry, parsed.origin))) {
    errors.push({
      pointer: '/audit/endpoint',
      message: `The audit endpoint's origin ${parsed.origin} is not an approved origin; add "${parsed.origin}" to approvedOrigins.`,
    });
  }
}

function parseHttpsUrl(value: string): { ok: true; origin: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: 'Not a valid URL; write a full https URL.' };
  }
  if (url.protocol !== 'https:') return { ok: false, message: 'Must be an https URL.' };
  if (url.username !== '' || url.password !== '') return { ok: false, message: 'The URL must not contain a user name or password.' };
  return { ok: true, origin: url.origin };
}
