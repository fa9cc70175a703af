/**
 * The host's answers to the Activities and Contacts messages of Wix.js 1.90.0: each calls the
 * shim's own method (its validation, store and session), and shapes the callback's value as the
 * SDK's reply (facts §3.2, §3.5). Every other type is answered by the shim's simulated host
 * (`Shim.answerAs`), so both answer alike.
 */
import type { CursorTable, PagingCursor } from './cursors';
import { errorResponse } from './protocol';

/** A member of the shim's `Wix`, looked up by path (`'Settings.getSiteInfo'`). */
export type MemberLookup = (path: string) => ((...args: unknown[]) => unknown) | undefined;

export interface AnswerContext {
  /** The call's `data`. */
  data: Record<string, unknown>;
  /** Sends `{intent:'TPA_RESPONSE', callId, res}` to the calling frame, once. */
  reply(res: unknown): void;
  member: MemberLookup;
  cursors: CursorTable;
  /** A shim member threw or is missing: warn once and reply with the documented default. */
  fallback(path: string, res: unknown, error?: unknown): void;
}

export type Answer = (a: AnswerContext) => void;

const dataCall = (path: string, args: (a: AnswerContext) => unknown[]): Answer => (a) => {
  const fn = a.member(path);
  if (!fn) return a.fallback(path, errorResponse('WIX_ERROR'));
  try {
    fn(...args(a), (value: unknown) => a.reply({ data: value }), (error: unknown) => a.reply(errorResponse(error)));
  } catch (error) {
    a.fallback(path, errorResponse('BAD_REQUEST'), error);
  }
};

const cursorCall = (path: string, args: (a: AnswerContext) => unknown[]): Answer => (a) => {
  const fn = a.member(path);
  if (!fn) return a.fallback(path, errorResponse('WIX_ERROR'));
  try {
    fn(...args(a), (cursor: PagingCursor) => a.reply(a.cursors.first(cursor)), (error: unknown) => a.reply(errorResponse(error)));
  } catch (error) {
    a.fallback(path, errorResponse('BAD_REQUEST'), error);
  }
};

/** Answers by message type; the WixDataCursor namespace is handled before these. */
export const ANSWERS: Record<string, Answer> = {
  // Activities (facts §1.1)
  postActivity: (a) => {
    const fn = a.member('Activities.postActivity');
    if (!fn) return a.fallback('Activities.postActivity', { status: false, response: { errorCode: 500, message: 'null', wixErrorCode: -100 } });
    try {
      fn(a.data.activity, (response: unknown) => a.reply({ status: true, response }), (response: unknown) => a.reply({ status: false, response }));
    } catch (error) {
      a.fallback('Activities.postActivity', { status: false, response: { errorCode: 400, message: String(error).split('\n')[0], wixErrorCode: -23011 } }, error);
    }
  },
  getActivityById: dataCall('Activities.getActivityById', (a) => [a.data.id]),
  getUserSession: (a) => {
    const fn = a.member('Activities.getUserSessionToken');
    if (!fn) return a.fallback('Activities.getUserSessionToken', '');
    fn((token: unknown) => a.reply(token));
  },
  // Contacts (facts §2)
  getContacts: cursorCall('Contacts.getContacts', (a) => [a.data.options]),
  getContactById: dataCall('Contacts.getContactById', (a) => [a.data.id]),
  // The SDK sends the contact information itself as `data`.
  reconcileContact: dataCall('Contacts.reconcileContact', (a) => [a.data]),
};

// getActivities takes its callbacks first: (onSuccess, onFailure, query).
ANSWERS.getActivities = (a) => {
  const fn = a.member('Activities.getActivities');
  if (!fn) return a.fallback('Activities.getActivities', errorResponse('WIX_ERROR'));
  try {
    fn((cursor: PagingCursor) => a.reply(a.cursors.first(cursor)), (error: unknown) => a.reply(errorResponse(error)), a.data.query);
  } catch (error) {
    a.fallback('Activities.getActivities', errorResponse('BAD_REQUEST'), error);
  }
};
