// The dashboard's demo data: "Blue Kitchen", a cookware shop that also runs cooking classes.
// `DemoFixture.build(now)` returns a fixture for `WixShim.seed`: 60 contacts labelled 'customers',
// 'leads', 'vip', 'newsletter' or 'wholesale', and a few hundred activities of ten types spread
// over the six months before `now`. A seeded random generator makes it the same on every run
// (for a given `now`), so screenshots and tests see the same records.
'use strict';

(function () {
  const DAY = 86400000;
  const STORE = { cartId: '', storeId: 'store-blue-kitchen', storeName: 'Blue Kitchen' };
  const SITE = 'https://bluekitchen.example';

  const PEOPLE = [
    ['Dana', 'Levi'], ['Marco', 'Rossi'], ['Aiko', 'Tanaka'], ['Samuel', 'Okafor'], ['Priya', 'Raman'],
    ['Lucas', 'Martin'], ['Noa', 'Friedman'], ['Elena', 'Petrova'], ['James', 'Whitaker'], ['Fatima', 'Haddad'],
    ['Oliver', 'Brown'], ['Mei', 'Chen'], ['Diego', 'Alvarez'], ['Sofia', 'Costa'], ['Hannah', 'Schmidt'],
    ['Kwame', 'Mensah'], ['Isabel', 'Moreno'], ['Liam', "O'Connor"], ['Yuki', 'Sato'], ['Amara', 'Nwosu'],
    ['Ethan', 'Cohen'], ['Chloe', 'Dubois'], ['Ravi', 'Patel'], ['Ingrid', 'Larsen'], ['Mateo', 'Silva'],
    ['Grace', 'Kim'], ['Tomás', 'Novak'], ['Leila', 'Karimi'], ['Noah', 'Fischer'], ['Zoe', 'Walker'],
    ['Arjun', 'Mehta'], ['Clara', 'Becker'], ['Omar', 'Farouk'], ['Maya', 'Goldberg'], ['Felix', 'Wagner'],
    ['Ana', 'Ribeiro'], ['Henry', 'Clarke'], ['Lina', 'Nguyen'], ['Victor', 'Dumont'], ['Sara', 'Lindqvist'],
    ['Ben', 'Avraham'], ['Julia', 'Nowak'], ['Kenji', 'Watanabe'], ['Rosa', 'Jiménez'], ['Adam', 'Horvath'],
    ['Nina', 'Berg'], ['Tariq', 'Aziz'], ['Emma', 'Dupont'], ['Leo', 'Marino'], ['Ruth', 'Adeyemi'],
    ['Pablo', 'Ortega'], ['Alice', 'Moreau'], ['Daniel', 'Weiss'], ['Hana', 'Yamamoto'], ['Omer', 'Shapiro'],
    ['Eva', 'Horváth'], ['Jonas', 'Keller'], ['Layla', 'Hassan'], ['Max', 'Jansen'], ['Irene', 'Papadopoulos'],
  ];
  const COMPANIES = [
    ['Owner', 'Trattoria Roma'], ['Head Chef', 'The Copper Pot'], ['Buyer', 'Harbor Hotels'], ['Manager', 'Green Fork Café'],
    ['Founder', 'Little Bakehouse'], ['Purchasing', 'City Catering Co.'],
  ];
  const CITIES = [
    ['San Francisco', 'CA', 'US', '94105'], ['Austin', 'TX', 'US', '78701'], ['Portland', 'OR', 'US', '97205'],
    ['New York', 'NY', 'US', '10001'], ['Toronto', 'ON', 'CA', 'M5V 2T6'], ['London', '', 'GB', 'EC1A 1BB'],
    ['Berlin', '', 'DE', '10115'], ['Tel Aviv', '', 'IL', '6100000'],
  ];
  const STREETS = ['Market St', 'Elm St', 'Oak Ave', 'Harbor Rd', 'King St', 'Mill Lane', 'Park Ave', 'Rothschild Blvd'];
  const PRODUCTS = [
    { id: 'prod-101', sku: 'SKL-CI-26', title: 'Cast Iron Skillet 26 cm', price: 64, category: 'Cookware' },
    { id: 'prod-102', sku: 'KNF-CH-20', title: "Chef's Knife 20 cm", price: 89, category: 'Knives' },
    { id: 'prod-103', sku: 'DUT-OV-5L', title: 'Dutch Oven 5 L', price: 149, category: 'Cookware' },
    { id: 'prod-104', sku: 'MUG-BLU-12', title: 'Ceramic Mug', price: 12.5, category: 'Tableware' },
    { id: 'prod-105', sku: 'BRD-OAK-40', title: 'Oak Cutting Board', price: 42, category: 'Prep' },
    { id: 'prod-106', sku: 'WOK-CS-32', title: 'Carbon Steel Wok', price: 58, category: 'Cookware' },
    { id: 'prod-107', sku: 'APR-LIN-01', title: 'Linen Apron', price: 28, category: 'Textiles' },
    { id: 'prod-108', sku: 'SPC-SET-12', title: 'Spice Starter Set', price: 36, category: 'Pantry' },
  ];
  const VARIANTS = { Cookware: ['Black', 'Blue enamel'], Knives: ['Walnut handle', 'Steel handle'], Tableware: ['Blue', 'Sand'], Prep: ['Large', 'Small'], Textiles: ['Natural', 'Charcoal'], Pantry: ['Classic', 'Hot & spicy'] };
  const CLASSES = [
    ['Knife Skills 101', 45, 90], ['Fresh Pasta Workshop', 60, 150], ['Sourdough Basics', 55, 180], ['Weeknight Stir-Fry', 40, 90],
  ];
  const EVENTS = [
    ['evt-201', 'Summer Tasting Night', 'Six small plates from the summer menu, with wine pairings', 35],
    ['evt-202', 'Meet the Makers', 'An evening with the potters and smiths behind our range', 0],
    ['evt-203', 'Holiday Baking Open House', 'Cookies, stollen and a demo of the new stand mixer', 10],
  ];
  const INQUIRIES = [
    ['Wholesale pricing', 'Hi! We run a small café and would like to order about 40 mugs. Do you offer wholesale pricing?'],
    ['Catering question', 'Do you cater private events of around 30 guests? We are planning a tasting for our team.'],
    ['Knife sharpening', 'Do you offer knife sharpening in store, and how long does it take?'],
    ['Class for a group', 'Could we book the pasta workshop as a private class for 8 people in the evening?'],
    ['Order status', 'My order was supposed to arrive last week. Could you check where it is?'],
    ['Gift cards', 'Do you sell gift cards that can be used for classes as well as products?'],
    ['Returns', 'The skillet I bought is warped on one side. How do I return or exchange it?'],
  ];
  const CHATS = [
    ['Is the blue enamel Dutch oven back in stock?', 'Yes, it arrived on Monday. Shall I reserve one for you?'],
    ['Can I change the date of my class booking?', 'Of course: which date would suit you?'],
    ['Do you ship to Canada?', 'We do, and orders over $100 ship free.'],
    ['What size wok do you recommend for a gas stove?', 'The 32 cm carbon steel wok is our most popular for home burners.'],
  ];
  const COMMENTS = [
    'Made the shakshuka from the blog last night. Delicious!', 'Could you post the recipe for the sourdough starter?',
    'The knife skills class was fantastic, thank you!', 'Seasoning tip for the skillet worked perfectly.',
  ];

  // mulberry32: a small seeded generator, so every build gives the same data.
  function generator(seed) {
    let a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function build(now) {
    const end = typeof now === 'number' ? now : Date.now();
    const random = generator(20240611);
    const int = (min, max) => min + Math.floor(random() * (max - min + 1));
    const pick = (list) => list[Math.floor(random() * list.length)];
    const chance = (p) => random() < p;
    const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
    const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
    const iso = (ms) => new Date(Math.round(ms / 1000) * 1000).toISOString();
    const money = (n) => `$${n.toFixed(2)}`;

    const contacts = [];
    const activities = [];
    const add = (contact, createdAt, type, info, summary, more) => {
      activities.push(Object.assign({
        createdAt: iso(createdAt),
        activityType: type,
        activityLocationUrl: `${SITE}/`,
        activityDetails: { additionalInfoUrl: null, summary },
        activityInfo: info,
      }, contact ? { contactId: contact.id } : {}, more || {}));
    };
    const item = (product, quantity) => ({
      id: product.id, type: 'PHYSICAL', sku: product.sku, title: product.title, quantity,
      price: product.price, formattedPrice: money(product.price), currency: 'USD',
      productLink: `${SITE}/products/${product.id}`,
      variants: [{ title: 'Option', value: pick(VARIANTS[product.category]) }],
      categories: [product.category],
    });

    PEOPLE.forEach(([first, last], i) => {
      // Oldest first: contact 0 joined ~180 days ago, the last one a few hours ago.
      const createdAt = end - (PEOPLE.length - i) * 3 * DAY + int(0, 2 * DAY) - int(2, 20) * 3600000;
      const labels = [];
      const role = i % 11 === 4 ? 'wholesale' : i % 5 === 1 || i % 3 === 0 ? 'customers' : 'leads';
      labels.push(role === 'wholesale' ? 'customers' : role);
      if (role === 'wholesale') labels.push('wholesale');
      if (labels[0] === 'customers' && i % 4 === 0) labels.push('vip');
      if (chance(0.35)) labels.push('newsletter');
      const email = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f']/g, '') + '@' + pick(['gmail.com', 'outlook.com', 'fastmail.com', 'proton.me', 'yahoo.com']);
      const [city, region, country, postalCode] = pick(CITIES);
      const company = role === 'wholesale' || chance(0.12) ? pick(COMPANIES) : null;
      const contact = {
        id: uuid(),
        name: { first, last },
        emails: [{ tag: 'main', email, emailStatus: labels.includes('newsletter') ? 'recurring' : 'transactional', deliveryStatus: 'valid' }],
        phones: chance(0.7) ? [{ tag: 'mobile', phone: `+1 ${int(201, 989)} 555 ${String(int(100, 9999)).padStart(4, '0')}` }] : [],
        addresses: labels[0] === 'customers' ? [{ tag: 'shipping', address: `${int(1, 480)} ${pick(STREETS)}`, city, region, country, postalCode }] : [],
        urls: company ? [{ tag: 'website', url: `https://${company[1].toLowerCase().replace(/[^a-z]+/g, '')}.example` }] : [],
        dates: chance(0.25) ? [{ tag: 'birthday', date: `19${int(60, 99)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}` }] : [],
        tags: labels,
        createdAt: iso(createdAt),
        modifiedAt: iso(Math.max(createdAt, Math.min(createdAt + int(0, 20) * DAY, end - 60000))),
      };
      if (company) contact.company = { role: company[0], name: company[1] };
      contacts.push(contact);

      // Their story, from the day they became a contact.
      let t = createdAt;
      // Moves the clock on; false (and no move) when that would pass `now`.
      const later = (minH, maxH) => {
        const next = t + int(minH, maxH) * 3600000 + int(1, 3599) * 1000;
        if (next > end - 60000) return false;
        t = next;
        return true;
      };
      const name = `${first} ${last}`;
      if (labels[0] === 'leads' || chance(0.4)) {
        const [subject, message] = pick(INQUIRIES);
        add(contact, t, 'form/contact-form', { subject, content: { message } }, `${name} sent the contact form: ${subject}`);
      } else {
        add(contact, t, 'form/subscription-form', { additionalFields: [{ name: 'source', value: 'footer' }] }, `${name} subscribed to the newsletter`);
      }
      const visits = labels[0] === 'customers' ? int(3, labels.includes('vip') ? 9 : 6) : int(1, 4);
      for (let v = 0; v < visits; v++) {
        if (!later(6, 24 * 9)) break;
        const roll = random();
        if (labels[0] === 'customers' && roll < 0.45) {
          const basket = Array.from({ length: int(1, 3) }, () => item(pick(PRODUCTS), int(1, 2)));
          const cartId = `cart-${hex(6)}`;
          add(contact, t, 'e_commerce/cart-add', { ...STORE, cartId, item: basket[0] }, `Added ${basket[0].title} to the cart`);
          const subtotal = basket.reduce((s, b) => s + b.price * b.quantity, 0);
          const shipping = subtotal >= 100 ? 0 : 8;
          const tax = Math.round(subtotal * 0.0825 * 100) / 100;
          const total = Math.round((subtotal + shipping + tax) * 100) / 100;
          const orderId = String(10000 + activities.length);
          if (!later(0, 2)) continue;
          add(contact, t, 'e_commerce/purchase', {
            ...STORE, cartId, orderId, items: basket,
            payment: { total, subtotal, formattedTotal: money(total), formattedSubtotal: money(subtotal), currency: 'USD', tax: { total: tax, formattedTotal: money(tax) }, shipping: { total: shipping, formattedTotal: money(shipping) } },
            paymentGateway: pick(['Stripe', 'PayPal']),
            buyerAcceptsMarketing: labels.includes('newsletter'),
          }, `Order #${orderId}: ${basket.length} item${basket.length > 1 ? 's' : ''}, ${money(total)}`, { activityDetails: { additionalInfoUrl: `${SITE}/orders/${orderId}`, summary: `Order #${orderId}: ${basket.length} item${basket.length > 1 ? 's' : ''}, ${money(total)}` } });
          if (later(20, 48)) {
            add(contact, t, 'shipping/shipped', {
              orderId, items: basket.map((b) => ({ id: b.id, title: b.title, quantity: b.quantity })),
              shippingDetails: { method: pick(['UPS Ground', 'USPS Priority', 'FedEx 2Day']), deliveryEstimate: { start: iso(t + 2 * DAY).slice(0, 10), end: iso(t + 5 * DAY).slice(0, 10) } },
            }, `Order #${orderId} shipped`);
          }
        } else if (roll < 0.6) {
          const [title, price, minutes] = pick(CLASSES);
          const start = t + int(3, 14) * DAY;
          add(contact, t, 'scheduler/appointment', {
            appointmentId: `apt-${hex(5)}`, source: 'GUEST', title, description: `${minutes}-minute hands-on class at the Blue Kitchen studio`,
            price: { price, formattedPrice: money(price), currency: 'USD' },
            location: { address: '210 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' },
            time: { start: iso(start), end: iso(start + minutes * 60000), timezone: 'America/Los_Angeles' },
          }, `Booked ${title}`);
        } else if (roll < 0.72) {
          const [question, answer] = pick(CHATS);
          add(contact, t, 'messaging/im', {
            type: 'CHAT',
            content: [
              { direction: 'CUSTOMER_TO_BUSINESS', time: iso(t), message: question },
              { direction: 'BUSINESS_TO_CUSTOMER', time: iso(t + int(1, 9) * 60000), message: answer },
            ],
            threadId: `thr-${hex(6)}`,
          }, `Chat: ${question}`);
        } else if (roll < 0.82) {
          const [eventId, eventTitle, eventDescription, price] = pick(EVENTS);
          const start = t + int(5, 20) * DAY;
          add(contact, t, 'events/rsvp', {
            eventId, eventTitle, eventDescription, totalNumberAttendees: int(1, 3),
            price: { price, formattedPrice: price ? money(price) : 'Free', currency: 'USD' },
            location: { name: 'Blue Kitchen studio', address: '210 Market St, San Francisco, CA' },
            time: { start: iso(start), end: iso(start + 3 * 3600000), timeZone: 'America/Los_Angeles' },
          }, `RSVP'd to ${eventTitle}`);
        } else if (roll < 0.92) {
          const product = pick(PRODUCTS);
          add(contact, t, 'e_commerce/cart-abandon', { ...STORE, cartId: `cart-${hex(6)}`, items: [item(product, 1)] }, `Left ${product.title} in the cart`);
        } else {
          const text = pick(COMMENTS);
          add(contact, t, 'social/comment', { text, channel: 'SITE', metadata: [{ name: 'postId', value: `post-${int(10, 60)}` }], commenter: { name: { first, last }, email } }, `Commented on the blog: “${text}”`);
        }
      }
    });

    // Anonymous visitors: activities linked to no contact.
    for (let i = 0; i < 24; i++) {
      const product = pick(PRODUCTS);
      add(null, end - int(1, 170) * DAY, 'e_commerce/cart-add', { ...STORE, cartId: `cart-${hex(6)}`, item: item(product, 1) }, `A visitor added ${product.title} to the cart`);
    }
    return { contacts, activities };
  }

  window.DemoFixture = { build };
})();
