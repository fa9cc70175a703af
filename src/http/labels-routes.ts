/**
 * Labels (facts §6.3, §6.5): a label's id is the string a contact carries in `tags`, so
 * `getContacts({label})` and `GET /contacts?labels=` find what `POST /labels/{id}/contacts` labelled.
 * The site's own labels are kept in the `meta` store; the system labels always exist.
 */
import * as z from 'zod/mini';
import { once } from '../core/zod-kit';
import { badRequest, notFound } from '../core/errors';
import type { Route } from './route';

export interface Label {
  id: string;
  name: string;
  description: string;
  labelType: 'systemDefined' | 'userDefined';
}

const KEY = 'labels';
/** A fresh site is never without labels (facts §6.5); these are tags the 2014 server put on contacts. */
const SYSTEM: Label[] = [
  { id: 'contacts/create', name: 'Created by an app', description: 'Contacts an app created', labelType: 'systemDefined' },
  { id: 'contacts_server/new', name: 'New', description: 'New contacts', labelType: 'systemDefined' },
];
const NEW_LABEL = once(() => z.object({ name: z.string().check(z.minLength(1), z.maxLength(100)), description: z.optional(z.string()) }));
const MEMBERS = once(() => z.object({ dataType: z.enum(['CONTACTS', 'LABELS']), data: z.array(z.string()) }));

export const labelRoutes: Route[] = [
  ['GET', /^\/labels$/, async ({ ctx }) => {
    const results = [...SYSTEM, ...((await ctx.store.readMeta<Label[]>(KEY)) ?? [])];
    return { results, total: results.length, pageSize: results.length, nextCursor: null };
  }],
  ['POST', /^\/labels$/, async ({ ctx, body }) => {
    const r = NEW_LABEL().safeParse(await body());
    if (!r.success) throw badRequest('Failed to create the label: send {"name": "VIP", "description": "…"} with a name of 1 to 100 characters');
    const { name, description = '' } = r.data;
    const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    const id = `custom.${slug || ctx.newId()}`;
    await ctx.store.updateMeta<Label[]>(KEY, (labels = []) => {
      if (labels.some((l) => l.id === id)) throw badRequest(`Failed to create the label: a label with id [${id}] already exists. Choose another name`);
      return [...labels, { id, name, description, labelType: 'userDefined' }];
    });
    // The new label's id as a bare JSON string (openapi-node's tests).
    return id;
  }],
  ['GET', /^\/labels\/(.+)$/, async ({ ctx, m }) => {
    const label = [...SYSTEM, ...((await ctx.store.readMeta<Label[]>(KEY)) ?? [])].find((l) => l.id === m[1]);
    if (!label) throw notFound(`Cannot find label with labelId [${m[1]}]`, -23001);
    return label;
  }],
  ['POST', /^\/labels\/(.+)\/contacts$/, async ({ ctx, m, body }) => {
    const r = MEMBERS().safeParse(await body());
    if (!r.success) throw badRequest('Failed to label contacts: send {"dataType": "CONTACTS", "data": [contact ids]} or {"dataType": "LABELS", "data": [label ids]}');
    const { dataType, data } = r.data;
    // LABELS: every contact that carries any of those labels gets this one too.
    const contactIds = dataType === 'CONTACTS' ? data : (await ctx.store.findContacts()).filter((c) => data.some((l) => c.tags.includes(l))).map((c) => c.id);
    let label: Label | undefined;
    await ctx.store.updateMeta<Label[]>(KEY, (labels = []) => {
      label = [...SYSTEM, ...labels].find((l) => l.id === m[1]);
      if (!label) throw notFound(`Cannot find label with labelId [${m[1]}]`, -23001);
      return labels;
    }, { label: m[1]!, contactIds });
    return { ...label, contactIds };
  }],
];
