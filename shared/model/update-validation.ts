/**
 * Checks a Yjs update against the project layout and against bounds on the work it
 * causes, before anything applies it — on the sync server for every incoming update,
 * and in the app for a project file or a teammate's update (docs/architecture.md §6).
 *
 * Why each rule:
 * - Layout (shared/model/layout.ts): the roots are the maps p m c t h n o; values are plain
 *   values, maps, or a `Y.Text` under the key `t` of a nested map (note, reply and memo text);
 *   texts hold strings. Arrays, XML, embeds, formats, JSON, binary and sub-documents are
 *   never written by the model, so an update carrying them is not from Marginalia.
 * - Struct count: applying costs memory per struct (~50× a tiny struct's bytes), so the
 *   bound is on structs, not bytes. The reader stops at the first struct over the bound
 *   and never sizes anything from the count an update declares.
 * - Same-position siblings: items inserted concurrently at one position (same origin,
 *   right origin and parent) are ordered by a scan over each other when integrated — work
 *   that grows faster than quadratically (10,000 such items stall Node for half a
 *   minute). Real concurrent edits put a handful of items at one position.
 *
 * An item whose parent or key is inherited from an item outside the update is checked
 * through `lookup` when the caller has the document (the server), and otherwise only for
 * what the update itself shows. Pure: no Node, no DOM.
 */
import { ROOT } from './layout.ts';
import { CONTENT, TYPE_REF, readStructs } from './update-structs.ts';
import type { StructHeader, StructId } from './update-structs.ts';

/** Bounds of `validateUpdate`. */
export interface UpdateLimits {
  /** Most structs (items, deletions, skips) one update may carry. */
  readonly maxStructs: number;
  /** Most delete ranges one update may carry. */
  readonly maxDeleteRanges: number;
  /** Most items of one update inserted at the same position of the same parent. */
  readonly maxSameOriginSiblings: number;
}

/** Defaults: a full 10k-highlight project (docs/architecture.md §8) fits in one update with room to spare. */
export const DEFAULT_UPDATE_LIMITS: UpdateLimits = {
  maxStructs: 100_000,
  maxDeleteRanges: 100_000,
  maxSameOriginSiblings: 64,
};

/** What a document already holds about an item the update refers to. */
export interface KnownItem {
  /** The item's map key, null for a sequence element, undefined when not known. */
  readonly parentSub: string | null | undefined;
  /** If the item is a shared type: its `TYPE_REF`; else null. */
  readonly typeRef: number | null;
}

/** Options of `validateUpdate`. */
export interface ValidateOptions {
  readonly limits?: Partial<UpdateLimits>;
  /** 'v1' (default: y-protocols and project files) or 'v2'. */
  readonly format?: 'v1' | 'v2';
  /** Looks up an item already in the document, for parents and keys inherited from it. */
  readonly lookup?: (id: StructId) => KnownItem | undefined;
}

/** The verdict: how many structs the update carries, or why it is refused. */
export type UpdateVerdict =
  | { readonly ok: true; readonly structs: number; readonly deleteRanges: number }
  | { readonly ok: false; readonly reason: string; /** True when the bytes are not a Yjs update at all. */ readonly malformed: boolean };

const ROOT_NAMES: ReadonlySet<string> = new Set(Object.values(ROOT));
/** The key under which a note, reply or memo keeps its `Y.Text`. */
const TEXT_KEY = 't';

const idKey = (id: StructId): string => `${id.client}:${id.clock}`;

/**
 * Validates `update` without applying it. Never throws: malformed bytes are a refusal.
 *
 * @example validateUpdate(bytes).ok || closeSocket(...)
 */
export function validateUpdate(update: Uint8Array, options: ValidateOptions = {}): UpdateVerdict {
  return createUpdateValidator(options).check(update);
}

/** Checks the slices of one update (update-slices.ts) in turn, as one update. */
export interface UpdateValidator {
  /**
   * Checks the next slice; the verdict counts every slice checked so far, and the limits
   * apply to them together. After a refusal the validator refuses everything.
   */
  check(slice: Uint8Array): UpdateVerdict;
}

/**
 * A validator that sees an update slice by slice: items of earlier slices are known to
 * later ones, and same-position and struct counts run across slices, so checking every
 * slice gives the verdict `validateUpdate` gives the whole update — while each call costs
 * only its slice, letting a caller yield between slices.
 */
export function createUpdateValidator(options: ValidateOptions = {}): UpdateValidator {
  const limits = { ...DEFAULT_UPDATE_LIMITS, ...options.limits };
  const lookup = options.lookup ?? (() => undefined);
  const local = new Map<string, KnownItem>();
  const siblings = new Map<string, number>();
  let structs = 0;
  let deleteRanges = 0;
  let refusal: UpdateVerdict | null = null;

  const known = (id: StructId): KnownItem | undefined => local.get(idKey(id)) ?? lookup(id);

  const visit = (header: StructHeader): string | undefined => {
    structs++;
    if (structs > limits.maxStructs) return `more than ${limits.maxStructs} structs in one update`;
    if (header.content === CONTENT.gc || header.content === CONTENT.skip) return undefined;
    const problem = checkItem(header, known);
    if (problem) return problem;
    const position =
      header.origin || header.rightOrigin
        ? `${header.origin ? idKey(header.origin) : '-'}|${header.rightOrigin ? idKey(header.rightOrigin) : '-'}`
        : `${typeof header.parent === 'string' ? header.parent : header.parent ? idKey(header.parent) : '-'}|${header.parentSub ?? ''}`;
    const count = (siblings.get(position) ?? 0) + 1;
    if (count > limits.maxSameOriginSiblings) {
      return `more than ${limits.maxSameOriginSiblings} items inserted at one position`;
    }
    siblings.set(position, count);
    const item = { parentSub: keyOf(header, known), typeRef: header.typeRef };
    local.set(idKey(header.id), item);
    if (header.length > 1) local.set(idKey({ client: header.id.client, clock: header.id.clock + header.length - 1 }), item);
    return undefined;
  };

  const checkSlice = (slice: Uint8Array): UpdateVerdict => {
    try {
      const result = readStructs(slice, options.format ?? 'v1', visit, (declared) =>
        declared > Math.max(limits.maxStructs, limits.maxDeleteRanges) ? `an update declaring ${declared} structs` : undefined,
      );
      if ('stopped' in result) return { ok: false, reason: result.stopped, malformed: false };
      deleteRanges += result.deleteRanges;
      if (deleteRanges > limits.maxDeleteRanges) {
        return { ok: false, reason: `more than ${limits.maxDeleteRanges} delete ranges in one update`, malformed: false };
      }
      return { ok: true, structs, deleteRanges };
    } catch (error) {
      return { ok: false, reason: `undecodable update: ${error instanceof Error ? error.message : String(error)}`, malformed: true };
    }
  };

  return {
    check(slice) {
      if (refusal) return refusal;
      const verdict = checkSlice(slice);
      if (!verdict.ok) refusal = verdict;
      return verdict;
    },
  };
}

/** The map key of an item: its own, or the one it inherits from its origin; undefined when unknown. */
function keyOf(header: StructHeader, known: (id: StructId) => KnownItem | undefined): string | null | undefined {
  if (header.parent !== null) return header.parentSub;
  const from = header.origin ?? header.rightOrigin;
  return from ? known(from)?.parentSub : undefined;
}

function checkItem(header: StructHeader, known: (id: StructId) => KnownItem | undefined): string | undefined {
  const { content, parent, typeRef } = header;
  if (content !== CONTENT.deleted && content !== CONTENT.string && content !== CONTENT.any && content !== CONTENT.type) {
    return `content kind ${content} is not part of the project layout`;
  }
  if (content === CONTENT.type && typeRef !== TYPE_REF.map && typeRef !== TYPE_REF.text) {
    return `shared type ${typeRef} is not part of the project layout`;
  }
  if (typeof parent === 'string') {
    if (!ROOT_NAMES.has(parent)) return `unknown root "${parent.slice(0, 40)}"`;
    if (header.parentSub === null) return `root "${parent}" used as a sequence`;
    if (content === CONTENT.string || typeRef === TYPE_REF.text) return `text directly under root "${parent}"`;
    return undefined;
  }
  const key = keyOf(header, known);
  if (parent !== null) {
    const parentItem = known(parent);
    if (parentItem && parentItem.typeRef === null) return 'a parent that is not a shared type';
    if (parentItem?.typeRef === TYPE_REF.text && header.parentSub !== null) return 'a keyed entry in a text';
    if (parentItem?.typeRef === TYPE_REF.map && header.parentSub === null) return 'a sequence element in a map';
  }
  if (key === null && content !== CONTENT.string && content !== CONTENT.deleted) {
    return 'a sequence element other than text';
  }
  if (typeof key === 'string' && content === CONTENT.string) return `text content under the key "${key.slice(0, 40)}"`;
  if (typeRef === TYPE_REF.text && typeof key === 'string' && key !== TEXT_KEY) {
    return `a text under the key "${key.slice(0, 40)}"`;
  }
  return undefined;
}
