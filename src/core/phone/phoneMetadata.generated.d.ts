/** libphonenumber-js's max metadata as JSON text (scripts/generate-phone-metadata.ts). */
export declare const PHONE_METADATA_JSON: string;
