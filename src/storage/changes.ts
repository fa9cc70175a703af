/** What a committed write changed: the created/updated/deleted model of seed 003. */
import type { Activity, Contact } from '../core/types';

export interface Change {
  event: 'created' | 'updated' | 'deleted';
  entity: 'contact' | 'activity';
  id: string;
  /** The record before an update or delete. */
  previous?: Contact | Activity;
}
