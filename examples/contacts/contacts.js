// Uses only what the script tag defines: window.Wix, exactly as widget code on a Wix site would.
const $ = (id) => document.getElementById(id);
let cursor;

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text; // contact fields are untrusted input: always text, never HTML
  return td;
}

function render(contacts) {
  const rows = $('rows');
  rows.replaceChildren(...contacts.map((c) => {
    const tr = document.createElement('tr');
    tr.append(
      cell([c.name.first, c.name.last].filter(Boolean).join(' ') || '(no name)'),
      cell(c.emails.map((e) => e.email).join(', ')),
      cell(c.phones.map((p) => p.phone).join(', ')),
      cell(new Date(c.createdAt).toLocaleString()),
    );
    return tr;
  }));
  $('prev').disabled = !cursor.hasPrevious();
  $('next').disabled = !cursor.hasNext();
  $('summary').textContent = `${cursor.getTotal()} contacts, ${cursor.getPageSize()} per page`;
}

function load() {
  Wix.Contacts.getContacts({ pageSize: 10 }, (c) => { cursor = c; render(c.getData()); }, (e) => { $('summary').textContent = `Failed: ${e}`; });
}

$('next').onclick = () => cursor.next(render, (e) => alert(e));
$('prev').onclick = () => cursor.previous(render, (e) => alert(e));
$('reconcile').onsubmit = (event) => {
  event.preventDefault();
  const f = new FormData(event.target);
  const info = { name: { first: f.get('first'), last: f.get('last') }, emails: [], phones: [] };
  if (f.get('email')) info.emails.push({ tag: 'main', email: f.get('email') });
  if (f.get('phone')) info.phones.push({ tag: 'main', phone: f.get('phone') });
  Wix.Contacts.reconcileContact(info, (r) => {
    $('result').className = 'muted';
    $('result').textContent = r.isNew ? 'Created a new contact.' : `Merged into an existing contact${r.details.rejectedData.length ? `; kept its ${r.details.rejectedData.map((d) => d.key).join(', ')}` : ''}.`;
    load();
  }, (error) => {
    $('result').className = 'error';
    $('result').textContent = `Failed: ${error} (the console says what to fix)`;
  });
};
load();
