/** What a committed write changed: the created/updated/deleted model of seed 003. */
import type { Activity, Contact } from '../core/types';

/** One record created, updated or deleted. */
export interface RecordChange {
  event: 'created' | 'updated' | 'deleted';
  entity: 'contact' | 'activity';
  id: string;
  /** The record before an update or delete. */
  previous?: Contact | Activity;
  /** @internal For the `/activities/posted` webhook; not part of the change event. */
  posted?: { activityType: string; contactId?: string };
}

/** Everything was replaced at once (seed, reset, clear, importData): re-read what you show. */
export interface ReplaceChange {
  event: 'replaced';
  entity: 'all';
}

export type Change = RecordChange | ReplaceChange;
