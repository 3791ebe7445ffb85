import type { Policy } from '../policy/Policy.ts';

export type SettingSource = 'organization' | 'local';

export interface ConfigProblem {
  /** JSON pointer into the policy document. */
  pointer: string;
  /** A plain sentence (English) for IT; the UI may add a localized headline. */
  message: string;
}

/** What the shell needs to start, or why it must not. Fail closed: only `ready` embeds a CCP. */
export type ShellConfig =
  | { status: 'ready'; policy: Policy; instance: { ccpUrl: string; loginUrl?: string; region: string }; source: SettingSource }
  | { status: 'missing' }
  | { status: 'invalid'; source: SettingSource; problems: ConfigProblem[] };
