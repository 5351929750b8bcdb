/**
 * App domain of the IPC contract: facts about the running application.
 */
import { describeType, invalid, valid, type Validation } from './validation.ts';

/** What the renderer may know about the installed application. */
export interface AppInfo {
  /** Display name ("Marginalia"). */
  readonly name: string;
  /** Application version from package.json. */
  readonly version: string;
  /** The OS per-user app data folder the desktop app keeps its data in. */
  readonly userDataPath: string;
}

/** Validates the payload of a call that takes no argument: it must be absent. */
export function validateNoPayload(payload: unknown): Validation<undefined> {
  if (payload === undefined) return valid(undefined);
  return invalid(`This call takes no argument, but received ${describeType(payload)}.`);
}
