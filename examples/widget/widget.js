// A contact-form widget prototype. It uses only what the script tag defines: `Wix`, exactly as a
// widget on a Wix site would (plus `WixShim.configure` in the developer panel, to simulate latency).
'use strict';

(function () {
  const form = document.getElementById('contact-form');
  const submit = form.querySelector('[data-testid="widget-submit"]');
  const spinner = submit.querySelector('.spinner');
  const submitLabel = submit.querySelector('.label');
  const pending = document.querySelector('[data-testid="widget-pending"]');
  const success = document.querySelector('[data-testid="widget-success"]');
  const failure = document.querySelector('[data-testid="widget-error"]');
  const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);

  function setLoading(loading) {
    form.setAttribute('aria-busy', String(loading));
    for (const el of form.elements) el.disabled = loading;
    spinner.hidden = !loading;
    submitLabel.textContent = loading ? 'Sending…' : 'Send message';
    pending.hidden = !loading;
  }

  function showSuccess(result) {
    failure.hidden = true;
    $('widget-activity-id').textContent = result.activityId;
    $('widget-contact-id').textContent = result.contactId === null ? 'null (not linked to a contact yet)' : result.contactId;
    success.hidden = false;
  }

  function showFailure(code, message) {
    success.hidden = true;
    $('widget-error-code').textContent = code ? `(${code})` : '';
    $('widget-error-message').textContent = message;
    failure.hidden = false;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name) => String(data.get(name) || '').trim();
    const subject = text('subject');
    const first = text('first');
    const last = text('last');
    const phone = text('phone');

    const contactUpdate = {
      name: { first, last },
      emails: [{ tag: 'main', email: text('email') }],
    };
    if (phone) contactUpdate.phones = [{ tag: 'mobile', phone }];

    const activity = {
      type: Wix.Activities.Type.FORM_CONTACT_FORM,
      info: { subject, content: { message: text('message') } },
      details: {
        additionalInfoUrl: null,
        summary: `${[first, last].filter(Boolean).join(' ') || 'A visitor'} sent the contact form: ${subject}`,
      },
      contactUpdate,
    };

    setLoading(true);
    success.hidden = true;
    failure.hidden = true;
    try {
      Wix.Activities.postActivity(
        activity,
        (result) => {
          setLoading(false);
          showSuccess(result);
          form.reset();
        },
        (error) => {
          setLoading(false);
          showFailure(error && error.errorCode, (error && error.message) || String(error));
        },
      );
    } catch (thrown) {
      // A bad call throws synchronously, as the SDK did (a string such as "TypeError: Wix SDK: …").
      setLoading(false);
      showFailure('', String(thrown));
    }
  });

  document.getElementById('latency').addEventListener('change', (event) => {
    const value = event.target.value;
    // Only the shim has this control; on the real Wix.js (/host/) the panel is hidden.
    if (window.WixShim) WixShim.configure({ latency: value === 'real' ? 'real' : Number(value) });
  });

  document.getElementById('fill-invalid').addEventListener('click', () => {
    form.elements.first.value = 'Bartholomew'.repeat(10);
    form.elements.last.value = 'Example';
    form.elements.email.value = 'bart@example.com';
    form.elements.subject.value = 'A name that is too long';
    form.elements.message.value = 'The backend limits name parts to 100 characters; this one has 110.';
    form.elements.first.focus();
  });
})();
