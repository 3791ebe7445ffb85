/** The countries libphonenumber-js's max metadata covers (scripts/generate-phone-metadata.ts). */
export declare const PHONE_COUNTRIES: readonly string[];
