// State of play: today's rules for the main partners, the next deadlines counting down, what changed last, and the feeds.
import { h, show } from '../dom.js';
import { get } from '../api.js';

function countdown(days) {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

const feed = (href, label, note) => h('li', {}, h('a', { href }, label), ` — ${note}`);

export async function render(main) {
  const out = h('div', { class: 'result', 'aria-live': 'polite' }, h('p', { class: 'meta' }, 'Reading the rules…'));
  main.append(h('h1', {}, 'State of play'),
    h('p', { class: 'lead' }, 'The duties US importers owe on the main partners\u2019 goods today, what changes next, and what was published last.'),
    out);
  const d = await get('/state-of-play', {});
  show(out,
    h('section', { 'aria-label': 'Rules in force' },
      h('h2', {}, `US rules in force on ${d.date}`),
      h('table', { class: 'play-rules' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Partner'), h('th', {}, 'On all goods'), h('th', {}, 'On some goods'))),
        h('tbody', {}, d.partners.map(p => h('tr', {},
          h('th', { scope: 'row' }, p.partner),
          h('td', {}, p.rules.filter(r => r.allProducts).map(r => h('div', {}, `${r.title}: ${r.rate}`, r.suspension ? h('span', { class: 'meta' }, ` (${r.suspension})`) : null))),
          h('td', {}, `${p.rules.filter(r => !r.allProducts).length} sector measures`)))))),
    h('section', { 'aria-label': 'Next deadlines' },
      h('h2', {}, 'Next deadlines'),
      h('ol', { class: 'deadline-list play-next' }, d.next.map(e => h('li', { class: 'deadline' },
        h('div', { class: 'when' }, e.date, h('span', { class: 'count' }, countdown(e.daysAway))),
        h('div', {}, h('h3', {}, `${e.importer}: ${e.title}`), h('p', {}, e.what), h('p', { class: 'src' }, `Source: ${e.source}`)))))),
    h('section', { 'aria-label': 'Changed last' },
      h('h2', {}, 'Published last'),
      d.lastChanged.length === 0 ? h('p', {}, 'No rule was published in the last 90 days.') :
        h('ul', {}, d.lastChanged.map(e => h('li', {}, `${e.published}: ${e.importer} ${e.title} — ${e.what} (effective ${e.date})`)))),
    h('section', { 'aria-label': 'Feeds' },
      h('h2', {}, 'Follow it'),
      h('ul', { class: 'feeds' },
        feed('/api/v1/calendar.ics?origin=CN', 'Calendar of deadlines (iCalendar)', 'subscribe from any calendar; filters: importer, origin, hs, watchlist'),
        feed('/api/v1/changes.atom', 'Changes as published (Atom)', 'for a feed reader'),
        feed('/docs/', 'Watchlists and webhooks', 'signed notices before a deadline that touches your lines'))));
}
