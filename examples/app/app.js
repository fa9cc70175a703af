// An ES-module app that imports the package. The import map in index.html resolves the package's
// bare imports (`zod/mini`, `idb`) to /node_modules/, as a bundler would.
import { createShim, Wix } from '/dist/index.js';

/**
 * The app: plain SDK calls on whatever `Wix` it is given. It runs unchanged against the real SDK's
 * `window.Wix`, the default instance or, as here, an isolated one.
 */
function createApp(Wix) {
  const call = (method, ...args) => new Promise((ok, fail) => method(...args, ok, fail));
  return {
    /** Posts a visitor's journey: a form, then a cart add and a purchase, linked by the form's email. */
    async postJourney(n) {
      const email = `visitor${n}@example.com`;
      const contactUpdate = { name: { first: 'Visitor', last: `#${n}` }, emails: [{ tag: 'main', email }] };
      const posted = [];
      posted.push(await call(Wix.Activities.postActivity, {
        type: Wix.Activities.Type.FORM_CONTACT_FORM,
        info: { subject: 'Opening hours', content: { message: 'Are you open on Sundays?' } },
        details: { additionalInfoUrl: null, summary: `Visitor #${n} asked about opening hours` },
        contactUpdate,
      }));
      const item = { id: 'prod-104', title: 'Ceramic Mug', quantity: 2, price: 12.5, currency: 'USD', variants: [{ title: 'Color', value: 'Blue' }] };
      posted.push(await call(Wix.Activities.postActivity, {
        type: Wix.Activities.Type.ECOMMERCE_CART_ADD,
        info: { cartId: `cart-${n}`, storeId: 'store-1', item },
        details: { additionalInfoUrl: null, summary: `Visitor #${n} added 2 mugs to the cart` },
      }));
      posted.push(await call(Wix.Activities.postActivity, {
        type: Wix.Activities.Type.ECOMMERCE_PURCHASE,
        info: { cartId: `cart-${n}`, storeId: 'store-1', items: [item], payment: { total: 27.06, subtotal: 25, currency: 'USD' } },
        details: { additionalInfoUrl: null, summary: `Visitor #${n} bought 2 mugs for $27.06` },
      }));
      return posted;
    },
    /** The newest activities (the SDK passes a cursor; its first page is getData()). */
    async latestActivities() {
      const cursor = await new Promise((ok, fail) => Wix.Activities.getActivities(ok, fail, {}));
      return { items: cursor.getData(), more: cursor.hasNext() };
    },
    async contactCount() {
      const cursor = await call(Wix.Contacts.getContacts, { pageSize: 1 });
      return cursor.getTotal();
    },
  };
}

// ---------- the page ----------

const shim = createShim({ dbName: 'example-app' });
const app = createApp(shim.Wix);
// The same app code on the package's default `Wix` (database 'wix-hive-shim', which the widget and
// the dashboard use), only read here, to show the two instances do not share data.
const defaultApp = createApp(Wix);
const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);
let runs = 0;

function text(tag, value, className) {
  const node = document.createElement(tag);
  node.textContent = value; // stored data is untrusted: text only
  if (className) node.className = className;
  return node;
}

async function render() {
  const [latest, contacts, status, other, otherContacts] = await Promise.all([
    app.latestActivities(), app.contactCount(), shim.status(), defaultApp.latestActivities(), defaultApp.contactCount(),
  ]);
  const activities = latest.items;
  $('app-activities').replaceChildren(...activities.map((a) => {
    const li = document.createElement('li');
    li.dataset.testid = 'app-activity';
    li.append(text('code', a.activityType, 'type'), text('span', a.activityDetails.summary), text('time', new Date(a.createdAt).toLocaleTimeString(), 'muted'));
    return li;
  }));
  $('app-empty').hidden = activities.length > 0;
  $('app-counts').textContent = `${status.counts.activities} activities, ${contacts} contact${contacts === 1 ? '' : 's'} (${status.driver})`;
  $('default-counts').textContent = `${other.items.length}${other.more ? '+' : ''} activities, ${otherContacts} contacts`;
}

function show(kind, message) {
  const el = $('app-message');
  el.className = `notice ${kind}`;
  el.textContent = message;
  el.hidden = false;
}

$('app-post').addEventListener('click', async (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    runs += 1;
    const posted = await app.postJourney(`${Date.now().toString(36)}-${runs}`);
    show('ok', `Posted ${posted.length} activities; the form linked them to contact ${posted[0].contactId}.`);
  } catch (error) {
    show('err', `Failed: ${error && error.message ? error.message : String(error)}`);
  } finally {
    button.disabled = false;
    await render();
  }
});

$('app-clear').addEventListener('click', async () => {
  await shim.clear();
  show('info', "Cleared the 'example-app' database. The default database was not touched.");
  await render();
});

render().catch((error) => show('err', `Failed to start: ${error && error.message ? error.message : String(error)}`));
